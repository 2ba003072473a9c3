package io.kith.web.page;

import static org.assertj.core.api.Assertions.assertThat;

import io.kith.testing.ApiClient;
import io.kith.testing.ApiClient.Response;
import io.kith.testing.HtmlSession;
import io.kith.testing.HtmlSession.Page;
import io.kith.testing.KithExtension;
import java.util.List;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.http.HttpMethod;

/**
 * Reverting the model from the revisions page: a dry run shown first (what changes, the DDL plan),
 * the change only on the confirmation's POST; a revert that would lose data is refused with the
 * reason; administrators only.
 */
class RevertPagesTest {

  @RegisterExtension
  static final KithExtension kith = KithExtension.shipped();

  @Test
  void aRevertIsShownAsADryRunAndMadeOnlyWhenConfirmed() {
    long asInteger = integerThenText("size_x");
    long contact = contactWith("size_x", "42");
    HtmlSession admin = kith.session();

    String href = admin.get("/app/admin/revisions").document()
        .select("tr[data-revision=" + asInteger + "] a.revert").attr("href");
    assertThat(href).isEqualTo("/app/admin/revisions/" + asInteger + "/revert");
    Page preview = admin.get(href);
    assertThat(preview.status()).isEqualTo(200);
    Document page = preview.document();
    assertThat(page.select("h1").text()).contains(String.valueOf(asInteger));
    assertThat(page.select("tr[data-item=entity/contact] pre.diff").text()).contains("integer");
    assertThat(page.select("pre.ddl").text()).contains("alter table").contains("size_x");
    assertThat(page.select("ul.confirmations").text()).contains("size_x");
    assertThat(page.select("form.revert-form input[name=_csrf]")).hasSize(1);
    assertThat(fieldType("size_x")).as("the preview changes nothing").isEqualTo("text");

    Page done = admin.post(href, List.of());
    assertThat(done.status()).isEqualTo(303);
    assertThat(done.location()).isEqualTo("/app/admin/revisions?done=reverted");
    assertThat(fieldType("size_x")).isEqualTo("integer");
    assertThat(kith.api().get("/api/v1/contact/" + contact).body().get("size_x").asInt()).isEqualTo(42);
    Document revisions = admin.get(done.location()).document();
    assertThat(revisions.select("p.message.notice").text()).isNotBlank();
    assertThat(revisions.select("tbody tr").first().text()).contains("revert to revision " + asInteger);
  }

  @Test
  void aRevertThatWouldLoseDataIsRefusedWithTheReason() {
    long asInteger = integerThenText("weight_x");
    contactWith("weight_x", "heavy");
    HtmlSession admin = kith.session();
    String href = "/app/admin/revisions/" + asInteger + "/revert";

    Page preview = admin.get(href);
    assertThat(preview.document().select("div.refused").text()).contains("weight_x").contains("heavy");
    assertThat(preview.document().select("form.revert-form")).isEmpty();

    admin.get("/app/admin/revisions");
    Page forced = admin.post(href, List.of());
    assertThat(forced.status()).isEqualTo(422);
    assertThat(forced.document().select("div.refused").text()).contains("heavy");
    assertThat(fieldType("weight_x")).isEqualTo("text");
  }

  @Test
  void onlyAdministratorsMayRevertAndOnlyWithTheCsrfToken() {
    long added = kith.api().post("/api/v1/meta/entities/contact/fields", "{\"name\": \"guarded_x\", \"type\": \"text\"}")
        .body().get("revision").asLong();
    kith.api().send(HttpMethod.DELETE, "/api/v1/meta/entities/contact/fields/guarded_x?confirm=true", null);
    String href = "/app/admin/revisions/" + added + "/revert";

    kith.server().userWithToken("revert_staff", "staff");
    HtmlSession staff = kith.anonymousSession().signIn("revert_staff", "password-of-revert_staff");
    assertThat(staff.get(href).status()).isEqualTo(403);
    staff.get("/app");
    assertThat(staff.post(href, List.of()).status()).isEqualTo(403);
    assertThat(kith.session().postWithoutCsrf(href, List.of()).status()).isEqualTo(403);
    assertThat(kith.api().get("/api/v1/meta/entities/contact").body().get("fields").findValuesAsString("name"))
        .doesNotContain("guarded_x");
  }

  /** Adds {@code field} as an integer, then makes it text; the revision id of the integer one. */
  private static long integerThenText(String field) {
    ApiClient api = kith.api();
    Response added = api.post("/api/v1/meta/entities/contact/fields", "{\"name\": \"" + field + "\", \"type\": \"integer\"}");
    assertThat(added.status()).as(String.valueOf(added.body())).isEqualTo(201);
    Response text = api.send(HttpMethod.PUT, "/api/v1/meta/entities/contact/fields/" + field + "?confirm=true",
        "{\"name\": \"" + field + "\", \"type\": \"text\"}");
    assertThat(text.status()).as(String.valueOf(text.body())).isEqualTo(200);
    return added.body().get("revision").asLong();
  }

  private static long contactWith(String field, String value) {
    Response created = kith.api().post("/api/v1/contact",
        "{\"subtype\": \"individual\", \"first_name\": \"Kit\", \"" + field + "\": \"" + value + "\"}");
    assertThat(created.status()).as(String.valueOf(created.body())).isEqualTo(201);
    return created.body().get("id").asLong();
  }

  private static String fieldType(String field) {
    for (var f : kith.api().get("/api/v1/meta/entities/contact").body().get("fields")) {
      if (f.get("name").asString().equals(field)) {
        return f.get("type").asString();
      }
    }
    return null;
  }
}
