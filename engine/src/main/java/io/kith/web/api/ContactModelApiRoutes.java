package io.kith.web.api;

import io.kith.metadata.MetadataRegistry;
import io.kith.query.QueryReader;
import io.kith.record.RecordService;
import io.kith.relationship.RelationshipList;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * Generic routes the contact model needs, for any entity type: create several records at once,
 * add or remove multi-reference targets on many records, and a record's relationships. No route of
 * {@link ApiRoutes} matches these paths.
 */
@Configuration(proxyBeanMethods = false)
public class ContactModelApiRoutes {

  /** The one way uploads are stored, shared by the files API and the HTML forms' file inputs. */
  @Bean
  io.kith.files.FileUploads fileUploads(org.springframework.r2dbc.core.DatabaseClient db,
      @org.springframework.beans.factory.annotation.Value("${kith.files.max-bytes:10485760}") long maxFileBytes) {
    return new io.kith.files.FileUploads(new io.kith.files.FileStore(db), maxFileBytes);
  }

  /** Before {@link ApiRoutes}, whose {@code POST /api/v1/{entity}} would take {@code /api/v1/files}. */
  @Bean
  @org.springframework.core.annotation.Order(org.springframework.core.Ordered.HIGHEST_PRECEDENCE)
  RouterFunction<ServerResponse> contactModelApiRouter(MetadataRegistry registry, RecordService records,
      QueryReader queries, io.kith.files.FileUploads uploads) {
    BulkApiHandler bulk = new BulkApiHandler(records, queries);
    FileApiHandler files = new FileApiHandler(records, uploads);
    RelationshipList relationships = new RelationshipList(registry, records);
    return RouterFunctions.route()
        .POST("/api/v1/files", files::upload)
        .GET("/api/v1/{entity}/{id}/files", files::list)
        .GET("/api/v1/{entity}/{id}/files/{fileId}", files::download)
        .POST("/api/v1/{entity}/batch", bulk::createAll)
        .POST("/api/v1/{entity}/links/{field}", bulk::editLinks)
        .GET("/api/v1/{entity}/{id}/relationships", request -> relationships
            .of(request.pathVariable("entity"), RecordApiHandler.id(request), io.kith.web.RequestLocale.of(request.exchange()))
            .flatMap(body -> ServerResponse.ok().contentType(org.springframework.http.MediaType.APPLICATION_JSON).bodyValue(body)))
        .build();
  }
}
