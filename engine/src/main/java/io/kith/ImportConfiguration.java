package io.kith;

import io.kith.fieldtype.FieldTypes;
import io.kith.importing.ImportProfiles;
import io.kith.importing.ImportService;
import io.kith.importing.ImportSettings;
import io.kith.importing.ImportWorker;
import io.kith.metadata.MetadataRegistry;
import io.kith.record.RecordService;
import io.kith.web.Problems;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;

/** Wires CSV imports: profiles, the service behind the API, and this instance's job worker. */
@Configuration(proxyBeanMethods = false)
public class ImportConfiguration {

  @Bean
  ImportSettings importSettings(
      @Value("${kith.import.max-bytes:209715200}") long maxBytes,
      @Value("${kith.import.max-rows:2000000}") long maxRows,
      @Value("${kith.import.batch-size:2000}") int batchSize,
      @Value("${kith.import.directory:}") String directory,
      @Value("${kith.import.poll:1s}") Duration poll,
      @Value("${kith.import.lease:60s}") Duration lease,
      @Value("${kith.import.worker:true}") boolean worker) {
    Path dir = directory.isBlank() ? Path.of(System.getProperty("java.io.tmpdir"), "kith-imports") : Path.of(directory);
    return new ImportSettings(maxBytes, maxRows, batchSize, dir, poll, lease, worker);
  }

  /** Uploads are bounded by the larger of the two size limits: a CSV's and a file field's. */
  @Bean
  io.kith.web.UploadLimitFilter uploadLimitFilter(ImportSettings settings,
      @Value("${kith.files.max-bytes:10485760}") long maxFileBytes) {
    return new io.kith.web.UploadLimitFilter(Math.max(settings.maxBytes(), maxFileBytes));
  }

  @Bean
  ImportProfiles importProfiles(RecordService records, MetadataRegistry registry, DatabaseClient db,
      @Value("${kith.metadata.path:}") String metadataPath) {
    return new ImportProfiles(registry, db, metadataPath);
  }

  @Bean
  ImportService importService(MetadataRegistry registry, FieldTypes fieldTypes, RecordService records, DatabaseClient db,
      TransactionalOperator tx, ImportProfiles profiles, ImportSettings settings, Problems problems) {
    return new ImportService(registry, fieldTypes, records, db, tx, profiles, settings, problems::message);
  }

  @Bean
  ImportWorker importWorker(ImportService imports) {
    return imports.worker();
  }
}
