package io.kith.web.page;

import static io.kith.web.page.MetaAdminPagesTest.form;
import static org.assertj.core.api.Assertions.assertThat;

import io.kith.testing.HtmlSession;
import io.kith.testing.HtmlSession.Page;
import io.kith.testing.KithExtension;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/**
 * The relationship type pages against a real server and PostgreSQL: a type made in the browser is
 * stored as the API has it and relationships of it are accepted at once; labels are edited; a
 * retired type keeps its relationships; administrators only, CSRF on every POST.
 */
class RelationshipTypePagesTest {

  @RegisterExtension
  static final KithExtension kith = KithExtension.shipped();

  @Test
  void aTypeIsCreatedUsedRelabelledRetiredAndReactivated() {
    HtmlSession admin = kith.session();
    Document list = admin.get("/app/admin/relationship-types?lang=zh-Hant").document();
    assertThat(list.select("tr[data-type=customer_of] td").eachText()).contains("客戶", "供應商", "個人", "機構");
    assertThat(list.select("fieldset[data-side=sideA] input[type=checkbox]").eachAttr("value"))
        .containsExactly("individual", "household", "organization");

    Page created = admin.post("/app/admin/relationship-types", form("name", "mentor_of", "aToB.en", "Mentor of",
        "aToB.zh-Hant", "導師", "aToB.zh-Hans", "导师", "bToA.en", "Mentee of", "bToA.zh-Hant", "學員",
        "sideA", "individual", "sideB", "individual"));
    assertThat(created.status()).as(created.body()).isEqualTo(303);
    JsonNode type = type("mentor_of");
    assertThat(type.get("labelAToB").get("zh-Hant").asString()).isEqualTo("導師");
    assertThat(type.get("sideA").get("entity").asString()).isEqualTo("contact");
    assertThat(type.get("sideB").get("subtype").asString()).isEqualTo("individual");

    long a = contact("Ada");
    long b = contact("Bo");
    String relationship = "{\"relationship_type\": \"mentor_of\", \"contact_a\": %d, \"contact_b\": %d}".formatted(a, b);
    assertThat(kith.api().post("/api/v1/relationship", relationship).status()).as("usable at once").isEqualTo(201);

    Document edit = admin.get("/app/admin/relationship-types/mentor_of").document();
    assertThat(edit.select("input[name=aToB.en]").val()).isEqualTo("Mentor of");
    assertThat(edit.select("input[name=name]")).as("the name stays").isEmpty();
    assertThat(admin.post("/app/admin/relationship-types/mentor_of", form("aToB.en", "Coach of", "bToA.en", "Coached by"))
        .status()).isEqualTo(303);
    assertThat(type("mentor_of").get("labelBToA").get("en").asString()).isEqualTo("Coached by");
    assertThat(type("mentor_of").get("sideA").get("subtype").asString()).as("sides kept").isEqualTo("individual");

    admin.get("/app/admin/relationship-types");
    assertThat(admin.post("/app/admin/relationship-types/mentor_of/retire", form()).status()).isEqualTo(303);
    assertThat(type("mentor_of").get("active").asBoolean()).isFalse();
    assertThat(admin.get("/app/admin/relationship-types").document().select("tr[data-type=mentor_of]").hasClass("retired"))
        .isTrue();
    assertThat(kith.db().query("select count(*) as n from relationship where relationship_type = 'mentor_of'").get(0)
        .get("n").toString()).as("relationships kept").isEqualTo("1");
    admin.get("/app/admin/relationship-types");
    assertThat(admin.post("/app/admin/relationship-types/mentor_of/reactivate", form()).status()).isEqualTo(303);
    assertThat(type("mentor_of").get("active").asBoolean()).isTrue();
  }

  @Test
  void badInputIsShownBesideItsField() {
    HtmlSession admin = kith.session();
    admin.get("/app/admin/relationship-types");
    Page bad = admin.post("/app/admin/relationship-types", form("name", "Bad-Name", "aToB.en", "", "bToA.en", "B"));
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.document().select("span.error[data-for=name]").text()).contains("lower-case letter");
    assertThat(bad.document().select("span.error[data-for=aToB.en]").text()).contains("English label");

    Page taken = admin.post("/app/admin/relationship-types", form("name", "customer_of", "aToB.en", "A", "bToA.en", "B"));
    assertThat(taken.status()).isEqualTo(409);
    assertThat(taken.document().select("span.error[data-for=name]").text()).contains("customer_of");

    Page reserved = admin.post("/app/admin/relationship-types", form("name", "meta", "aToB.en", "A", "bToA.en", "B"));
    assertThat(reserved.status()).isEqualTo(422);
    assertThat(reserved.document().select("span.error[data-for=name]").text()).isNotEmpty();

    admin.get("/app/admin/relationship-types/customer_of");
    Page noLabel = admin.post("/app/admin/relationship-types/customer_of", form("aToB.en", "Customer of", "bToA.en", ""));
    assertThat(noLabel.status()).isEqualTo(400);
    assertThat(noLabel.document().select("span.error[data-for=bToA.en]").text()).contains("English label");
  }

  @Test
  void staffGet403AndPostsWithoutCsrfAreRefused() {
    kith.server().userWithToken("reltype_staff", "staff");
    HtmlSession staff = kith.anonymousSession().signIn("reltype_staff", "password-of-reltype_staff");
    assertThat(staff.get("/app/admin/relationship-types").status()).isEqualTo(403);
    assertThat(staff.get("/app/admin/relationship-types/customer_of").status()).isEqualTo(403);
    staff.get("/app");
    assertThat(staff.post("/app/admin/relationship-types", form("name", "sneaky", "aToB.en", "A", "bToA.en", "B"))
        .status()).isEqualTo(403);
    assertThat(staff.post("/app/admin/relationship-types/customer_of/retire", form()).status()).isEqualTo(403);

    HtmlSession admin = kith.session();
    admin.get("/app/admin/relationship-types");
    assertThat(admin.postWithoutCsrf("/app/admin/relationship-types", form("name", "nocsrf", "aToB.en", "A",
        "bToA.en", "B")).status()).isEqualTo(403);
    assertThat(admin.postWithoutCsrf("/app/admin/relationship-types/customer_of/retire", form()).status()).isEqualTo(403);
    assertThat(kith.api().get("/api/v1/meta/relationship-types").body().toString()).doesNotContain("sneaky", "nocsrf");
    assertThat(type("customer_of").path("active").asBoolean(true)).isTrue();
  }

  private static long contact(String name) {
    return kith.api().post("/api/v1/contact", "{\"subtype\": \"individual\", \"first_name\": \"" + name + "\"}").body()
        .get("id").asLong();
  }

  private static JsonNode type(String name) {
    for (JsonNode t : kith.api().get("/api/v1/meta/relationship-types").body().path("items")) {
      if (t.path("name").asString("").equals(name)) {
        return t;
      }
    }
    throw new AssertionError("no relationship type " + name);
  }
}
