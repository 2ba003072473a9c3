package io.kith.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.kith.testing.ApiClient.Response;
import io.kith.testing.Imports;
import io.kith.testing.KithExtension;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Importing is a permission of its own, and a field hidden or read-only to the importer cannot be imported. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ImportPermissionTest {

  @RegisterExtension
  static final KithExtension kith = KithExtension.shipped();

  private static final byte[] FILE = Imports.csv(StandardCharsets.UTF_8, false, "First Name,Last Name,Birth Date",
      "Tai Man,Chan,1950-01-02");
  private static final String PROFILE = """
      {"name": "suggested", "entity": "contact", "subtype": "individual"}""";

  @BeforeAll
  void roles() {
    kith.api().post("/api/v1/roles", """
        {"name": "no_import", "label": "No import", "permissions": {"contact": {"actions": ["view", "create"]}}}""");
    kith.api().post("/api/v1/roles", """
        {"name": "importer", "label": "Importer", "permissions": {"contact": {"actions": ["view", "create", "import"],
         "fields": {"birth_date": "hidden"}}}}""");
  }

  @Test
  void withoutTheImportPermissionNothingIsImported() {
    Response refused = new Imports(kith.api(kith.server().userWithToken("no_importer", "no_import")))
        .upload(FILE, PROFILE, false);
    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.body().get("title").asString()).contains("import");
    assertThat(kith.db().query("select count(*) as n from contact where birth_date = date '1950-01-02'").get(0).get("n"))
        .isEqualTo(0L);
  }

  @Test
  void aHiddenFieldCannotBeImportedButTheRestCan() {
    Imports importer = new Imports(kith.api(kith.server().userWithToken("importer_user", "importer")));
    Response refused = importer.upload(FILE, PROFILE, true);
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.body().get("errors").get(0).get("code").asString()).isEqualTo("read_only");
    assertThat(kith.db().query("select count(*) as n from contact where birth_date = date '1950-01-02'").get(0).get("n"))
        .isEqualTo(0L);

    byte[] withoutBirthDate = Imports.csv(StandardCharsets.UTF_8, false, "First Name,Last Name", "Tai Man,Chan");
    assertThat(importer.run(withoutBirthDate, PROFILE).get("created").asInt()).isEqualTo(1);
  }
}
