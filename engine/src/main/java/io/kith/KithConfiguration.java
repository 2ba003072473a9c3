package io.kith;

import io.kith.db.DatabaseBootstrap;
import io.kith.export.CsvExport;
import io.kith.fieldtype.FieldTypes;
import io.kith.i18n.Messages;
import io.kith.metaadmin.ModelState;
import io.kith.metadata.MetadataLoader;
import io.kith.metadata.MetadataRegistry;
import io.kith.metadata.MetadataSource;
import io.kith.query.ListParameters;
import io.kith.query.QueryReader;
import io.kith.record.RecordSchemas;
import io.kith.record.RecordService;
import io.kith.render.DisplayValues;
import io.kith.savedsearch.SavedSearchService;
import io.kith.schema.DdlPlan;
import io.kith.schema.SchemaSync;
import io.kith.security.FirstAdministrator;
import io.kith.users.Passwords;
import io.kith.users.RoleService;
import io.kith.users.SignInChanges;
import io.kith.users.UserService;
import io.kith.web.KeepAliveReads;
import io.kith.web.Problems;
import io.kith.web.RequestSnapshot;
import java.time.Clock;
import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.r2dbc.autoconfigure.R2dbcProperties;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.springframework.web.server.WebFilter;

/**
 * Wires the engine. Start-up order is explicit through dependencies: load and validate metadata,
 * make sure the database exists, sync the schema, and only then build the services that serve
 * requests.
 */
@Configuration(proxyBeanMethods = false)
public class KithConfiguration {

  /** See {@link KeepAliveReads}: kept-alive connections keep being read. */
  @Bean
  NettyServerCustomizer keepAliveReads() {
    return KeepAliveReads.customizer();
  }

  @Bean
  Clock clock(@Value("${kith.time-zone:}") String zone) {
    return zone.isBlank() ? Clock.systemDefaultZone() : Clock.system(ZoneId.of(zone));
  }

  @Bean
  FieldTypes fieldTypes(Clock clock) {
    return new FieldTypes(clock.getZone());
  }

  @Bean
  MetadataRegistry metadataRegistry(@Value("${kith.metadata.path:}") String path) {
    MetadataSource source = new MetadataSource(path);
    return new MetadataRegistry(new MetadataLoader().load(source.read(), 1));
  }

  /** Pins one metadata snapshot per HTTP request (see {@link RequestSnapshot}). */
  @Bean
  WebFilter requestSnapshotFilter(MetadataRegistry registry) {
    return RequestSnapshot.filter(registry);
  }

  @Bean
  SchemaSync schemaSync(DatabaseClient db, TransactionalOperator tx, FieldTypes fieldTypes) {
    return new SchemaSync(db, tx, fieldTypes);
  }

  /**
   * The effective model: the shipped files with the stored admin revisions laid over them,
   * published into the registry. Kith's own schema is migrated first, since the revisions live there.
   */
  @Bean
  ModelState modelState(MetadataRegistry registry, @Value("${kith.metadata.path:}") String path,
      R2dbcProperties r2dbc, DatabaseClient db, SchemaSync schemaSync) {
    DatabaseBootstrap.ensureDatabase(r2dbc.getUrl(), r2dbc.getUsername(), r2dbc.getPassword());
    schemaSync.migrate().block();
    return ModelState.start(new MetadataSource(path).read(), registry, db);
  }

  /** The schema plan applied at start-up; its bean existing means the database is ready. */
  @Bean
  DdlPlan startupSchemaPlan(ModelState modelState, MetadataRegistry registry, SchemaSync schemaSync) {
    return schemaSync.apply(registry.snapshot()).block();
  }

  @Bean
  RecordSchemas recordSchemas(FieldTypes fieldTypes) {
    return new RecordSchemas(fieldTypes);
  }

  @Bean
  QueryReader queryReader(FieldTypes fieldTypes, Clock clock) {
    return new QueryReader(fieldTypes, clock.getZone());
  }

  @Bean
  RecordService recordService(DdlPlan startupSchemaPlan, MetadataRegistry registry, FieldTypes fieldTypes,
      RecordSchemas schemas, QueryReader queryReader, DatabaseClient db, TransactionalOperator tx, Clock clock) {
    return new RecordService(registry, fieldTypes, schemas, queryReader, db, tx, clock);
  }

  @Bean
  UserService userService(DdlPlan startupSchemaPlan, MetadataRegistry registry, DatabaseClient db,
      TransactionalOperator tx, Passwords passwords, SignInChanges signInChanges) {
    return new UserService(registry, db, tx, passwords, signInChanges);
  }

  @Bean
  RoleService roleService(DdlPlan startupSchemaPlan, MetadataRegistry registry, DatabaseClient db,
      SignInChanges signInChanges) {
    return new RoleService(registry, db, signInChanges);
  }

  /** The first administrator exists before traffic is taken (see {@link FirstAdministrator}). */
  public record Administered() {}

  @Bean
  Administered firstAdministrator(UserService users, Passwords passwords,
      @Value("${kith.admin.password:}") String adminPassword) {
    FirstAdministrator.ensure(users, passwords, adminPassword);
    return new Administered();
  }

  @Bean
  SavedSearchService savedSearchService(DdlPlan startupSchemaPlan, MetadataRegistry registry, QueryReader queryReader,
      DatabaseClient db) {
    return new SavedSearchService(registry, queryReader, db);
  }

  @Bean
  CsvExport csvExport(RecordService records, Messages messages, Clock clock) {
    return new CsvExport(records, new DisplayValues(messages, clock.getZone()), clock);
  }

  @Bean
  ListParameters listParameters(FieldTypes fieldTypes, QueryReader queryReader) {
    return new ListParameters(fieldTypes, queryReader);
  }

  @Bean
  Messages messages() {
    return new Messages();
  }

  @Bean
  Problems problems(Messages messages) {
    return new Problems(messages);
  }
}
