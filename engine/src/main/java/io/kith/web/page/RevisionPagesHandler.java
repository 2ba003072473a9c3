package io.kith.web.page;

import io.kith.i18n.KithLocale;
import io.kith.metaadmin.ModelAdmin;
import io.kith.security.Callers;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * {@code /app/admin/revisions}: the stored model changes, newest first: who, when, what and the
 * diff; and reverting to one of them. The revert is shown first as the dry run the API's
 * {@code ?dryRun=true} gives (the items it changes, the DDL plan, what it retires or converts, or
 * why it is refused); only the confirmation's POST changes the model.
 */
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

  /** {@code GET .../{id}/revert}: what the revert would change, and the button that makes it. */
  Mono<ServerResponse> preview(ServerRequest request) {
    long id = PageIds.id(request);
    return AdminPages.administrator(request).then(Callers.id(request.exchange()))
        .flatMap(user -> model.previewRevert(id, user.orElse(null), AdminPages.locale(request)))
        .flatMap(plan -> page(request, HttpStatus.OK, id, plan, null, List.of()))
        .onErrorResume(ModelAdmin.Refused.class, e -> refused(request, id, e));
  }

  /** {@code POST .../{id}/revert}: makes the revert the preview showed; a refusal is shown with its reason. */
  Mono<ServerResponse> revert(ServerRequest request) {
    long id = PageIds.id(request);
    return AdminPages.administrator(request).then(Callers.id(request.exchange()))
        .flatMap(user -> model.revert(id, true, user.orElse(null), AdminPages.locale(request)))
        .then(OptionListPagesHandler.redirect("/app/admin/revisions?done=reverted"))
        .onErrorResume(ModelAdmin.Refused.class, e -> refused(request, id, e));
  }

  private Mono<ServerResponse> refused(ServerRequest request, long id, ModelAdmin.Refused e) {
    return page(request, OptionListPagesHandler.status(e), id, null, e.getMessage(), problems(e.problem()));
  }

  private Mono<ServerResponse> page(ServerRequest request, HttpStatus status, long id, ModelAdmin.RevertPlan plan,
      String error, List<String> problems) {
    KithLocale locale = AdminPages.locale(request);
    Map<String, Object> extra = new HashMap<>();
    extra.put("revision", id);
    extra.put("heading", admin.pages().text(locale, "meta.revert.title", String.valueOf(id)));
    extra.put("intro", admin.pages().text(locale, "meta.revert.intro", String.valueOf(id)));
    extra.put("problems", plan == null ? problems : problems(plan.report()));
    if (plan != null) {
      extra.put("plan", plan);
      extra.put("ddl", strings(plan.report().path("ddl")));
      extra.put("confirmations", strings(plan.report().path("confirmationNeeded")));
    }
    if (error != null) {
      extra.put("error", error);
    }
    return admin.render(request, "revert", status, extra);
  }

  /** Each problem as "pointer: sentence", as the fields page lists them. */
  private static List<String> problems(JsonNode report) {
    List<String> out = new ArrayList<>();
    report.path("problems").forEach(p -> {
      String field = p.path("field").asString("");
      out.add(field.isEmpty() ? p.path("message").asString("") : field + ": " + p.path("message").asString(""));
    });
    return out;
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(s -> out.add(s.asString()));
    return out;
  }
}
