package io.kith.web.page;

import static org.assertj.core.api.Assertions.assertThat;

import io.kith.testing.ApiClient.Response;
import io.kith.testing.HtmlSession;
import io.kith.testing.HtmlSession.Page;
import io.kith.testing.KithExtension;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The change service's sentences (refusals, what needs confirming) in the administrator's
 * language on the admin pages; the API keeps its codes and says its sentences in the language of
 * Accept-Language, English by default.
 */
class MetaAdminMessagesTest {

  @RegisterExtension
  static final KithExtension kith = KithExtension.shipped();

  @Test
  void theFieldsAndOptionListPagesSayTheServiceSentencesInTraditionalChinese() {
    assertThat(kith.api().post("/api/v1/meta/entities/contact/fields", "{\"name\": \"pet_name\", \"type\": \"text\"}")
        .status()).isEqualTo(201);
    HtmlSession admin = kith.session();
    admin.get("/app/admin/fields/contact?lang=zh-Hant");

    Page ask = admin.post("/app/admin/fields/contact/pet_name/retire", List.of());
    assertThat(ask.status()).isEqualTo(409);
    assertThat(ask.document().select(".confirm p").text())
        .contains("此變更會停用或轉換已儲存的資料", "欄位「contact.pet_name」將停用")
        .doesNotContain("is retired");

    admin.get("/app/admin/option-lists/gender");
    Page duplicate = admin.post("/app/admin/option-lists/gender/options",
        List.of(Map.entry("code", "male"), Map.entry("label.en", "Male again")));
    assertThat(duplicate.status()).isEqualTo(409);
    assertThat(duplicate.document().select("p.message.error").text()).isEqualTo("選項清單「gender」已經有「male」。");
  }

  @Test
  void theApiKeepsItsCodesAndFollowsAcceptLanguage() {
    String field = "{\"name\": \"first_name\", \"type\": \"text\"}";
    Response english = kith.api().post("/api/v1/meta/entities/contact/fields", field);
    assertThat(english.status()).isEqualTo(409);
    assertThat(english.body().get("code").asString()).isEqualTo("already_exists");
    assertThat(english.body().get("title").asString())
        .isEqualTo("Entity type \"contact\" already has a field \"first_name\"; change it with PUT.");

    Response chinese = kith.api().post("/api/v1/meta/entities/contact/fields", field, "Accept-Language", "zh-Hans");
    assertThat(chinese.status()).isEqualTo(409);
    assertThat(chinese.body().get("code").asString()).isEqualTo("already_exists");
    assertThat(chinese.body().get("title").asString()).isEqualTo("实体类型“contact”已经有字段“first_name”；请用 PUT 修改。");
  }
}
