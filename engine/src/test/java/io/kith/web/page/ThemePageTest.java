package io.kith.web.page;

import static org.assertj.core.api.Assertions.assertThat;

import io.kith.testing.HtmlSession;
import io.kith.testing.HtmlSession.Page;
import io.kith.testing.KithExtension;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Theme colours: set by an administrator, checked as colours, applied to every page as CSS variables. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ThemePageTest {

  @RegisterExtension
  static final KithExtension kith = KithExtension.shipped();

  private static List<Map.Entry<String, String>> colours(String background, String header, String text) {
    return List.of(Map.entry("background", background), Map.entry("header", header), Map.entry("text", text));
  }

  @Test
  void anAdministratorsColoursReachEveryPage() {
    HtmlSession admin = kith.session();
    admin.get("/app/admin/theme");
    Page saved = admin.post("/app/admin/theme", colours("#FFF8E1", "#000000", "#333333"));
    assertThat(saved.status()).isEqualTo(303);
    assertThat(saved.location()).isEqualTo("/app/admin/theme?saved=1");

    for (String path : List.of("/app", "/app/contact", "/app/contact/new?subtype=individual", "/app/imports")) {
      String style = kith.session().get(path).document().select("head style").html();
      assertThat(style).as(path).contains("--kith-background: #fff8e1", "--kith-header: #000000", "--kith-text: #333333");
    }
    Page form = admin.get("/app/admin/theme?saved=1");
    assertThat(form.document().selectFirst("#theme-background").attr("value")).isEqualTo("#fff8e1");
    assertThat(form.document().select(".theme-saved")).hasSize(1);
  }

  @Test
  void aValueThatIsNotAColourIsRefusedByNameAndNothingChanges() {
    HtmlSession admin = kith.session();
    admin.get("/app/admin/theme");
    admin.post("/app/admin/theme", colours("#ffffff", "#1f4e79", "#000000"));
    admin.get("/app/admin/theme");
    Page refused = admin.post("/app/admin/theme",
        colours("red;} body{display:none", "#12345", "</style><script>alert(1)</script>"));

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.document().selectFirst("#theme-background-error").text())
        .isEqualTo("Background must be a colour written like #1f4e79.");
    assertThat(refused.document().select(".field p.error").eachText()).hasSize(3);
    assertThat(refused.body()).doesNotContain("<script>alert(1)");
    assertThat(kith.session().get("/app").document().select("head style").html())
        .contains("--kith-background: #ffffff").doesNotContain("display:none");
  }

  @Test
  void onlyAdministratorsMayChangeTheTheme() {
    kith.server().userWithToken("theme.staff", "staff");
    HtmlSession staff = new HtmlSession(kith.server().baseUrl()).signIn("theme.staff", "password-of-theme.staff");
    assertThat(staff.get("/app/admin/theme").status()).isEqualTo(403);
    staff.get("/app");
    assertThat(staff.post("/app/admin/theme", colours("#000000", "#000000", "#000000")).status()).isEqualTo(403);
    assertThat(kith.session().get("/app").document().select("head style").html()).doesNotContain("--kith-background: #000000");
    assertThat(staff.get("/app").document().select("a.theme-link")).isEmpty();
    assertThat(kith.session().get("/app").document().select("a.theme-link[href=/app/admin/theme]")).hasSize(1);
  }
}
