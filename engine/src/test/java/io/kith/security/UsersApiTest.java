package io.kith.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.kith.testing.ApiClient.Response;
import io.kith.testing.KithExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Users and roles through the API: administrators only, clear errors, and the deletion rule. */
class UsersApiTest {

  @RegisterExtension
  static final KithExtension kith = KithExtension.shipped();

  @Test
  void createsUsersWithClearErrorsForEveryProblemAtOnce() {
    Response bad = kith.api().post("/api/v1/users", """
        {"login": "Bad Login!", "name": "", "email": "nope", "password": "short", "roles": ["no_such_role"]}""");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.body().get("errors").valueStream().map(e -> e.get("field").asString() + ":" + e.get("code").asString()))
        .contains("login:invalid_login", "name:required", "email:invalid_email", "password:password_too_short");

    Response created = kith.api().post("/api/v1/users", """
        {"login": "Mei.Lee", "name": "Mei Lee", "email": "mei@example.org", "password": "a long password",
         "position": "Caseworker", "roles": ["staff"]}""");
    assertThat(created.status()).isEqualTo(201);
    assertThat(created.body().get("login").asString()).as("login names are lower case").isEqualTo("mei.lee");
    assertThat(created.body().has("password")).isFalse();
    assertThat(created.body().get("roles").get(0).asString()).isEqualTo("staff");

    Response duplicate = kith.api().post("/api/v1/users", """
        {"login": "mei.lee", "name": "Another Mei", "password": "a long password"}""");
    assertThat(duplicate.status()).isEqualTo(400);
    assertThat(duplicate.body().get("errors").get(0).get("code").asString()).isEqualTo("duplicate_login");
    assertThat(duplicate.body().get("errors").get(0).get("message").asString()).contains("another user");
  }

  @Test
  void aUserWhoOwnsRecordsCanOnlyBeDeactivatedAndUnusedOnesDeleted() {
    String token = kith.server().userWithToken("writer", "staff");
    kith.api(token).post("/api/v1/contact", "{\"subtype\": \"organization\", \"organization_name\": \"Writer's Org\"}");
    long writer = idOf("writer");
    Response refused = kith.api().delete("/api/v1/users/" + writer);
    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.body().get("title").asString()).contains("Deactivate it instead");

    assertThat(kith.api().post("/api/v1/users/" + writer + "/deactivate", null).body().get("active").asBoolean()).isFalse();
    assertThat(kith.api(token).get("/api/v1/contact").status()).as("a deactivated user's token stops working")
        .isEqualTo(401);

    kith.server().userWithToken("unused", "staff");
    assertThat(kith.api().delete("/api/v1/users/" + idOf("unused")).status()).isEqualTo(204);
  }

  @Test
  void onlyAdministratorsManageUsersAndRoles() {
    var staff = kith.api(kith.server().userWithToken("plain_staff", "staff"));
    assertThat(staff.get("/api/v1/users").status()).isEqualTo(403);
    assertThat(staff.post("/api/v1/roles", "{\"name\": \"mine\", \"label\": \"Mine\"}").status()).isEqualTo(403);
    Response badRole = kith.api().post("/api/v1/roles", """
        {"name": "broken", "label": "Broken", "permissions": {"contact": {"actions": ["fly"], "scope": "some",
         "fields": {"nope": "hidden"}}, "ghost": {"actions": ["view"]}}}""");
    assertThat(badRole.status()).isEqualTo(400);
    assertThat(badRole.body().get("errors").valueStream().map(e -> e.get("field").asString()))
        .contains("permissions.contact.actions[0]", "permissions.contact.scope", "permissions.contact.fields.nope",
            "permissions.ghost");
  }

  private static long idOf(String login) {
    return kith.api().get("/api/v1/users").body().get("items").valueStream()
        .filter(u -> u.get("login").asString().equals(login)).findFirst().orElseThrow().get("id").asLong();
  }
}
