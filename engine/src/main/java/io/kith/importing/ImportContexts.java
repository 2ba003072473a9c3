package io.kith.importing;

import io.kith.fieldtype.FieldTypes;
import io.kith.metadata.EntityDef;
import io.kith.metadata.MetadataRegistry;
import io.kith.metadata.MetadataSnapshot;
import io.kith.support.SnapshotCache;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Builds {@link ImportContext}s: for a new upload (the profile's mapping, or the suggested one)
 * and for a stored job (the mapping it was started with).
 */
final class ImportContexts {

  private final MetadataRegistry registry;
  private final ProfileReader profiles = new ProfileReader();
  private final CellValues values;
  private final SnapshotCache<Suggestions> suggestions = new SnapshotCache<>();

  ImportContexts(MetadataRegistry registry, FieldTypes fieldTypes) {
    this.registry = registry;
    this.values = new CellValues(fieldTypes);
  }

  /** Checks a profile document against today's metadata. */
  ImportProfile profile(MetadataSnapshot snapshot, JsonNode json) {
    return profiles.read(snapshot, json);
  }

  /** The context for an inspected upload; a profile without columns gets the suggested mapping. */
  ImportContext forUpload(MetadataSnapshot snapshot, ImportProfile profile, FileFacts facts) {
    ImportProfile mapped = profile.columns() != null ? profile : profile.withColumns(suggest(snapshot, profile.entity(), facts));
    EntityDef entity = snapshot.entity(profile.entity()).orElseThrow();
    return new ImportContext(snapshot, mapped, facts.layout(), facts.header(),
        new RowConverter(snapshot, entity, mapped, facts.header(), values));
  }

  /** A job runs in the background on the newest model as it starts, and keeps that one to its end. */
  ImportContext forJob(ImportJob job) {
    MetadataSnapshot snapshot = registry.snapshot();
    ImportProfile profile = profiles.read(snapshot, job.profile());
    List<String> header = FileFacts.header(job.layout());
    EntityDef entity = snapshot.entity(profile.entity()).orElseThrow();
    return new ImportContext(snapshot, profile, FileFacts.layout(job.layout()), header,
        new RowConverter(snapshot, entity, profile, header, values));
  }

  /** One target per column from its header (and sample values); a target already taken is skipped. */
  List<ColumnMap> suggest(MetadataSnapshot snapshot, String entityName, FileFacts facts) {
    EntityDef entity = snapshot.entity(entityName).orElseThrow();
    Suggestions s = suggestions.get(snapshot, entityName, k -> new Suggestions(snapshot, entity));
    List<ColumnMap> out = new ArrayList<>();
    Set<String> taken = new HashSet<>();
    for (int i = 0; i < facts.header().size(); i++) {
      int column = i;
      List<String> sample = facts.sample().stream().map(r -> r.cells().get(column)).toList();
      Suggestions.Target target = s.suggest(facts.header().get(i), sample);
      String name = facts.layout().header() ? facts.header().get(i) : null;
      Integer index = facts.layout().header() ? null : i + 1;
      if (target == null || !taken.add(target.path() + String.valueOf(target.row()))) {
        out.add(new ColumnMap(name, index, null, Map.of(), null, Map.of(), ";"));
      } else {
        out.add(new ColumnMap(name, index, target.path(), target.row(), target.match(), Map.of(), ";"));
      }
    }
    return out;
  }
}
