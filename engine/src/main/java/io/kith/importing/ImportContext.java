package io.kith.importing;

import io.kith.metadata.MetadataSnapshot;
import java.util.List;

/** Everything one file's import needs, built once: the metadata version, profile, layout and converter. */
record ImportContext(MetadataSnapshot snapshot, ImportProfile profile, CsvLayout layout, List<String> header,
    RowConverter converter) {}
