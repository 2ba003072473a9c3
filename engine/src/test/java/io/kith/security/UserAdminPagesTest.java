package io.kith.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.kith.testing.HtmlSession;
import io.kith.testing.HtmlSession.Page;
import io.kith.testing.KithExtension;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/**
 * The users pages under {@code /app/admin/users}: administrators only (menu and direct URLs), list
 * and search, create with a temporary password, a duplicate login named beside its field, edit and
 * roles, deactivate and reactivate, a temporary password, and the deletion rule; CSRF on every form.
 */
class UserAdminPagesTest {

  @RegisterExtension
  static final KithExtension kith = KithExtension.shipped();

  @Test
  void onlyAdministratorsSeeTheMenuAndReachThePages() {
    kith.server().userWithToken("staff_member", "staff");
    HtmlSession staff = kith.anonymousSession().signIn("staff_member", "password-of-staff_member");
    assertThat(staff.get("/app").document().select("nav.admin a")).as("no admin menu").isEmpty();
    for (String path : List.of("/app/admin/users", "/app/admin/users/new", "/app/admin/roles", "/app/admin/roles/new",
        "/app/admin/roles/1", "/app/admin/users/1")) {
      Page refused = staff.get(path);
      assertThat(refused.status()).as(path).isEqualTo(403);
      assertThat(refused.document().select("p.message.error").text()).as(path).contains("Only administrators");
    }
    staff.get("/app");
    Page post = staff.post("/app/admin/users", form("login", "sneaky", "name", "Sneaky", "password", "a long password"));
    assertThat(post.status()).isEqualTo(403);
    assertThat(kith.db().query("select count(*) as n from kith.app_user where login = 'sneaky'").get(0).get("n"))
        .isEqualTo(0L);

    HtmlSession admin = kith.session();
    assertThat(admin.get("/app").document().select("nav.admin a").eachAttr("href"))
        .containsExactly("/app/admin/users", "/app/admin/roles", "/app/admin/entities", "/app/admin/option-lists",
            "/app/admin/fields", "/app/admin/relationship-types", "/app/admin/revisions");
    assertThat(admin.get("/app?lang=zh-Hant").document().select("nav.admin a").eachText())
        .containsExactly("使用者", "角色", "實體類型", "選項清單", "欄位", "關係類別", "模型修訂");
    assertThat(admin.get("/app/admin/users?lang=zh-Hans").document().select("h1").text()).isEqualTo("用户");
  }

  @Test
  void createsAUserWithATemporaryPasswordAndNamesADuplicateLoginBesideItsField() {
    HtmlSession admin = kith.session();
    Page form = admin.get("/app/admin/users/new");
    assertThat(form.status()).isEqualTo(200);
    assertThat(form.document().select("input[name=roles]").eachAttr("value")).contains("administrator", "staff");

    Page created = admin.post("/app/admin/users", form("login", "Ann.Wong", "name", "Ann <b>Wong</b>",
        "email", "ann@example.org", "position", "Caseworker", "password", "ann temporary 1", "roles", "staff"));
    assertThat(created.status()).isEqualTo(303);
    assertThat(created.location()).matches("/app/admin/users/\\d+\\?done=created");
    JsonNode user = user("ann.wong");
    assertThat(user.get("name").asString()).isEqualTo("Ann <b>Wong</b>");
    assertThat(user.get("roles").get(0).asString()).isEqualTo("staff");
    assertThat(user.get("mustChangePassword").asBoolean()).as("the password an administrator chose is temporary").isTrue();

    Page page = admin.get(created.location());
    assertThat(page.document().select("p.message.notice").text()).isEqualTo("Created.");
    assertThat(page.body()).as("escaped").contains("Ann &lt;b&gt;Wong&lt;/b&gt;").doesNotContain("<b>Wong</b>");
    assertThat(page.document().select("input[name=roles][value=staff][checked]")).hasSize(1);

    HtmlSession ann = kith.anonymousSession();
    assertThat(ann.signIn("ann.wong", "ann temporary 1", 303).location()).isEqualTo("/account/password");

    admin.get("/app/admin/users/new");
    Page duplicate = admin.post("/app/admin/users", form("login", "ann.wong", "name", "Another Ann",
        "password", "another password", "roles", "staff"));
    assertThat(duplicate.status()).isEqualTo(400);
    assertThat(duplicate.document().select("#u-login-error").text())
        .isEqualTo("Login name: another user already has this login name.");
    assertThat(duplicate.document().select("#u-name").attr("value")).as("what was typed is kept").isEqualTo("Another Ann");
    assertThat(duplicate.document().select("input[name=roles][value=staff][checked]")).hasSize(1);
    assertThat(kith.db().query("select count(*) as n from kith.app_user where name = 'Another Ann'").get(0).get("n"))
        .isEqualTo(0L);

    Page noCsrf = admin.postWithoutCsrf("/app/admin/users", form("login", "no.token", "name", "No Token",
        "password", "a long password"));
    assertThat(noCsrf.status()).isEqualTo(403);
    assertThat(kith.db().query("select count(*) as n from kith.app_user where login = 'no.token'").get(0).get("n"))
        .isEqualTo(0L);
  }

  @Test
  void listsAndSearchesEditsDeactivatesAndSetsATemporaryPassword() {
    kith.server().userWithToken("bob.chan", "staff");
    kith.server().userWithToken("carol.ho", "staff");
    long bob = user("bob.chan").get("id").asLong();
    HtmlSession admin = kith.session();

    assertThat(admin.get("/app/admin/users").document().select("table.users a").eachText())
        .contains("admin", "bob.chan", "carol.ho");
    assertThat(admin.get("/app/admin/users?q=CHAN").document().select("table.users tbody a").eachText())
        .containsExactly("bob.chan");
    assertThat(admin.get("/app/admin/users?q=nobody-like-this").document().select("td.empty").text())
        .isEqualTo("No users match.");

    admin.get("/app/admin/users/" + bob);
    Page saved = admin.post("/app/admin/users/" + bob, form("login", "bob.chan", "name", "Bob Chan",
        "email", "bob@example.org", "phone", "+852 2345 6789", "position", "Driver", "roles", "administrator"));
    assertThat(saved.status()).isEqualTo(303);
    JsonNode edited = user("bob.chan");
    assertThat(edited.get("name").asString()).isEqualTo("Bob Chan");
    assertThat(edited.get("phone").asString()).isEqualTo("+852 2345 6789");
    assertThat(edited.get("roles").valueStream().map(JsonNode::asString)).containsExactly("administrator");

    admin.get("/app/admin/users/" + bob);
    Page bad = admin.post("/app/admin/users/" + bob, form("login", "bob.chan", "name", "", "email", "not-an-email",
        "roles", "no_such_role"));
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.document().select("#u-name-error").text()).isEqualTo("Name is required.");
    assertThat(bad.document().select("#u-email-error").text()).contains("must be an email address");
    assertThat(bad.body()).contains("there is no role &quot;no_such_role&quot;");
    assertThat(user("bob.chan").get("name").asString()).as("nothing half-written").isEqualTo("Bob Chan");

    admin.get("/app/admin/users/" + bob);
    assertThat(admin.post("/app/admin/users/" + bob + "/deactivate", List.of()).location())
        .isEqualTo("/app/admin/users/" + bob + "?done=deactivated");
    assertThat(user("bob.chan").get("active").asBoolean()).isFalse();
    Page inactive = admin.get("/app/admin/users/" + bob);
    assertThat(inactive.document().select("form[action$=/reactivate]")).hasSize(1);
    kith.anonymousSession().signIn("bob.chan", "password-of-bob.chan", 401);
    admin.post("/app/admin/users/" + bob + "/reactivate", List.of());
    assertThat(user("bob.chan").get("active").asBoolean()).isTrue();

    admin.get("/app/admin/users/" + bob);
    Page tooShort = admin.post("/app/admin/users/" + bob + "/password", form("password", "short"));
    assertThat(tooShort.status()).isEqualTo(400);
    assertThat(tooShort.document().select("#u-password-error").text()).isEqualTo("Password must be at least 10 characters long.");
    admin.get("/app/admin/users/" + bob);
    assertThat(admin.post("/app/admin/users/" + bob + "/password", form("password", "bob temporary 1")).location())
        .isEqualTo("/app/admin/users/" + bob + "?done=password_reset");
    assertThat(kith.anonymousSession().signIn("bob.chan", "bob temporary 1", 303).location())
        .isEqualTo("/account/password");
  }

  @Test
  void aUserWhoOwnsRecordsIsNotDeletedButOneWhoOwnsNothingIs() {
    String token = kith.server().userWithToken("owner.of.things", "staff");
    kith.api(token).post("/api/v1/contact", "{\"subtype\": \"organization\", \"organization_name\": \"Things Ltd\"}");
    kith.server().userWithToken("owns.nothing", "staff");
    long owner = user("owner.of.things").get("id").asLong();
    long nothing = user("owns.nothing").get("id").asLong();
    HtmlSession admin = kith.session();

    admin.get("/app/admin/users/" + owner);
    Page refused = admin.post("/app/admin/users/" + owner + "/delete", List.of());
    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.document().select("p.message.error").text())
        .isEqualTo("User \"owner.of.things\" owns records or appears in their history, so it cannot be deleted."
            + " Deactivate it instead.");
    assertThat(user("owner.of.things")).isNotNull();

    admin.get("/app/admin/users/" + nothing);
    Page deleted = admin.post("/app/admin/users/" + nothing + "/delete", List.of());
    assertThat(deleted.location()).isEqualTo("/app/admin/users?done=deleted");
    assertThat(kith.db().query("select count(*) as n from kith.app_user where login = 'owns.nothing'").get(0).get("n"))
        .isEqualTo(0L);
  }

  static List<Map.Entry<String, String>> form(String... pairs) {
    List<Map.Entry<String, String>> out = new ArrayList<>();
    for (int i = 0; i + 1 < pairs.length; i += 2) {
      out.add(Map.entry(pairs[i], pairs[i + 1]));
    }
    return out;
  }

  private static JsonNode user(String login) {
    return kith.api().get("/api/v1/users").body().get("items").valueStream()
        .filter(u -> u.get("login").asString().equals(login)).findFirst().orElse(null);
  }
}
