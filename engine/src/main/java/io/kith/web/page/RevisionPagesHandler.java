package io.kith.web.page;

import io.kith.metaadmin.ModelAdmin;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/** {@code /app/admin/revisions}: the stored model changes, newest first: who, when, what and the diff. */
final class RevisionPagesHandler {

  private static final int SHOWN = 100;

  private final AdminPages admin;
  private final ModelAdmin model;

  RevisionPagesHandler(AdminPages admin, ModelAdmin model) {
    this.admin = admin;
    this.model = model;
  }

  Mono<ServerResponse> list(ServerRequest request) {
    return AdminPages.administrator(request).thenMany(model.revisions(SHOWN)).collectList()
        .flatMap(items -> admin.render(request, "revisions", HttpStatus.OK, Map.of("revisions", items)));
  }
}
