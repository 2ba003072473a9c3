package io.kith.web.page;

import static org.assertj.core.api.Assertions.assertThat;

import io.kith.i18n.KithLocale;
import io.kith.i18n.Messages;
import io.kith.record.Page;
import io.kith.render.ListView.Pager;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.util.LinkedMultiValueMap;

/** The shared pager: an estimated total says so, and links keep every parameter but one-off ones. */
class PagersTest {

  private final PageModel pages = new PageModel(new Messages());

  @Test
  void anEstimatedTotalIsMarkedAsSuch() {
    Pager exact = Pagers.pager("/app/x", new Page(List.of(), 2, 20, 1000, false), new LinkedMultiValueMap<>(),
        KithLocale.EN, pages);
    assertThat(exact.summary()).isEqualTo("Total 1,000 records, 50 pages, 20 per page, page 2");
    Pager estimated = Pagers.pager("/app/x", new Page(List.of(), 2, 20, 250000, true), new LinkedMultiValueMap<>(),
        KithLocale.EN, pages);
    assertThat(estimated.summary()).startsWith("About 250,000 records (estimated)");
    Pager chinese = Pagers.pager("/app/x", new Page(List.of(), 1, 20, 250000, true), new LinkedMultiValueMap<>(),
        KithLocale.ZH_HANT, pages);
    assertThat(chinese.summary()).contains("估計");
  }

  @Test
  void linksKeepRepeatedParametersAndDropNotices() {
    LinkedMultiValueMap<String, String> params = new LinkedMultiValueMap<>();
    params.put("col", List.of("a", "a", "b"));
    params.put("c0.value", List.of("x y&z"));
    params.put("deactivated", List.of("3"));
    params.put("jump", List.of("9"));
    assertThat(Pagers.url("/app/x/search", params, Map.of("page", "2")))
        .isEqualTo("/app/x/search?col=a&col=a&col=b&c0.value=x%20y%26z&page=2");
  }
}
