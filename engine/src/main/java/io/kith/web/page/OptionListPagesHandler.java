package io.kith.web.page;

import io.kith.i18n.KithLocale;
import io.kith.metaadmin.ModelAdmin;
import io.kith.metadata.MetadataKind;
import io.kith.record.RecordException;
import io.kith.render.MetaAdminViews.OptionForm;
import io.kith.render.MetaAdminViews.OptionItem;
import io.kith.render.MetaAdminViews.OptionListItem;
import io.kith.security.Callers;
import io.kith.web.RequestSnapshot;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code /app/admin/option-lists}: the option lists, and one list's options with fuzzy search,
 * an active/inactive filter, add / edit / view, deactivating one or many and moving an option up,
 * down or to a position. Every save is one change through {@link ModelAdmin}, the API's way;
 * records store codes, so a new label never touches stored data.
 */
final class OptionListPagesHandler {

  private static final Pattern CODE = Pattern.compile("[a-z][a-z0-9_]{0,62}");
  private static final Pattern COLOR = Pattern.compile("#[0-9a-fA-F]{6}");

  private final AdminPages admin;
  private final ModelAdmin model;

  OptionListPagesHandler(AdminPages admin, ModelAdmin model) {
    this.admin = admin;
    this.model = model;
  }

  Mono<ServerResponse> lists(ServerRequest request) {
    KithLocale locale = AdminPages.locale(request);
    return AdminPages.administrator(request).then(Mono.fromSupplier(() -> RequestSnapshot.of(request).optionLists()
        .values().stream().map(l -> new OptionListItem(l.name(), l.label(locale), l.options().size(),
            (int) l.options().stream().filter(o -> !o.active()).count())).toList()))
        .flatMap(items -> admin.render(request, "option-lists", HttpStatus.OK, Map.of("lists", items)));
  }

  Mono<ServerResponse> list(ServerRequest request) {
    return AdminPages.administrator(request).then(Mono.defer(() -> page(request, HttpStatus.OK, null, null)));
  }

  private Mono<ServerResponse> page(ServerRequest request, HttpStatus status, OptionForm form, String error) {
    KithLocale locale = AdminPages.locale(request);
    String name = request.pathVariable("name");
    ObjectNode body = body(name);
    String query = request.queryParam("q").orElse("").strip();
    String show = request.queryParam("status").filter(s -> s.equals("active") || s.equals("inactive")).orElse("all");
    List<OptionItem> all = options(body, locale);
    List<OptionItem> shown = all.stream()
        .filter(o -> show.equals("all") || o.active() == show.equals("active"))
        .filter(o -> matches(query, o)).toList();
    Map<String, Object> extra = new HashMap<>();
    extra.put("list", new OptionListItem(name, RequestSnapshot.of(request).optionLists().get(name).label(locale),
        all.size(), (int) all.stream().filter(o -> !o.active()).count()));
    extra.put("options", shown);
    extra.put("query", query);
    extra.put("status", show);
    extra.put("locales", tags());
    extra.put("form", form != null ? form : new OptionForm("", Map.of(), "", true, false, false, Map.of()));
    if (error != null) {
      extra.put("error", error);
    }
    return admin.render(request, "option-list", status, extra);
  }

  Mono<ServerResponse> option(ServerRequest request) {
    return AdminPages.administrator(request).then(Mono.defer(() -> {
      ObjectNode option = find(body(request.pathVariable("name")), request.pathVariable("code"));
      return optionPage(request, HttpStatus.OK, form(option), null);
    }));
  }

  private Mono<ServerResponse> optionPage(ServerRequest request, HttpStatus status, OptionForm form, String error) {
    Map<String, Object> extra = new HashMap<>();
    extra.put("listName", request.pathVariable("name"));
    extra.put("form", form);
    extra.put("locales", tags());
    if (error != null) {
      extra.put("error", error);
    }
    return admin.render(request, "option", status, extra);
  }

  Mono<ServerResponse> add(ServerRequest request) {
    String name = request.pathVariable("name");
    KithLocale locale = AdminPages.locale(request);
    return AdminPages.administrator(request).then(request.formData()).flatMap(data -> {
      OptionForm form = read(data, false);
      Map<String, String> errors = check(form, locale);
      if (!CODE.matcher(form.code()).matches()) {
        errors.put("code", admin.pages().text(locale, "meta.option.code_invalid"));
      }
      if (!errors.isEmpty()) {
        return page(request, HttpStatus.BAD_REQUEST, withErrors(form, errors), null);
      }
      ObjectNode option = json(form);
      return Callers.id(request.exchange()).flatMap(user -> model.addOption(name, option, user.orElse(null), locale))
          .then(redirect(listUrl(name) + "?done=created"))
          .onErrorResume(ModelAdmin.Refused.class, e -> page(request, status(e), form, e.getMessage()));
    });
  }

  Mono<ServerResponse> update(ServerRequest request) {
    String name = request.pathVariable("name");
    String code = request.pathVariable("code");
    KithLocale locale = AdminPages.locale(request);
    return AdminPages.administrator(request).then(request.formData()).flatMap(data -> {
      ObjectNode current = find(body(name), code);
      if (!current.path("active").asBoolean(true)) {
        return optionPage(request, HttpStatus.CONFLICT, form(current), admin.pages().text(locale, "meta.option.inactive_view_only"));
      }
      OptionForm sent = read(data, true);
      OptionForm form = new OptionForm(code, sent.labels(), sent.color(), true, true, false, Map.of());
      Map<String, String> errors = check(form, locale);
      if (!errors.isEmpty()) {
        return optionPage(request, HttpStatus.BAD_REQUEST, withErrors(form, errors), null);
      }
      ObjectNode option = json(form);
      option.set("order", current.get("order"));
      if (current.has("parents")) {
        option.set("parents", current.get("parents"));
      }
      return Callers.id(request.exchange())
          .flatMap(user -> model.replaceOption(name, code, option, user.orElse(null), locale))
          .then(redirect(listUrl(name) + "?done=saved"))
          .onErrorResume(ModelAdmin.Refused.class, e -> optionPage(request, status(e), form, e.getMessage()));
    });
  }

  /** Deactivates the ticked options ({@code code}, one or many) in one change. */
  Mono<ServerResponse> deactivate(ServerRequest request) {
    String name = request.pathVariable("name");
    KithLocale locale = AdminPages.locale(request);
    return AdminPages.administrator(request).then(request.formData()).flatMap(data -> {
      Set<String> codes = new LinkedHashSet<>(data.getOrDefault("code", List.of()));
      if (codes.isEmpty()) {
        return page(request, HttpStatus.BAD_REQUEST, null, admin.pages().text(locale, "meta.option.none_selected"));
      }
      ObjectNode body = body(name);
      codes.forEach(code -> find(body, code));
      return Callers.id(request.exchange()).flatMap(user -> model.deactivateOptions(name, codes, user.orElse(null), locale))
          .then(redirect(listUrl(name) + "?done=option_deactivated"))
          .onErrorResume(ModelAdmin.Refused.class, e -> page(request, status(e), null, e.getMessage()));
    });
  }

  /** The sort dialog: {@code move=up|down|to} with {@code position} (1-based) for "to". */
  Mono<ServerResponse> move(ServerRequest request) {
    String name = request.pathVariable("name");
    String code = request.pathVariable("code");
    KithLocale locale = AdminPages.locale(request);
    return AdminPages.administrator(request).then(request.formData()).flatMap(data -> {
      List<OptionItem> options = options(body(name), locale);
      int at = -1;
      for (int i = 0; i < options.size(); i++) {
        if (options.get(i).code().equals(code)) {
          at = i + 1;
        }
      }
      if (at < 0) {
        return Mono.error(new RecordException(RecordException.Reason.NOT_FOUND, "no_option"));
      }
      String move = String.valueOf(data.getFirst("move"));
      int target;
      switch (move) {
        case "up" -> target = at - 1;
        case "down" -> target = at + 1;
        case "to" -> target = position(data.getFirst("position"));
        default -> target = -1;
      }
      if (target < 1 || target > options.size()) {
        return page(request, HttpStatus.BAD_REQUEST, null,
            admin.pages().text(locale, "meta.option.position_invalid", String.valueOf(options.size())));
      }
      int to = target;
      return Callers.id(request.exchange()).flatMap(user -> model.moveOption(name, code, to, user.orElse(null), locale))
          .then(redirect(listUrl(name) + "?done=saved"))
          .onErrorResume(ModelAdmin.Refused.class, e -> page(request, status(e), null, e.getMessage()));
    });
  }

  private static int position(String text) {
    try {
      return text == null ? -1 : Integer.parseInt(text.strip());
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private ObjectNode body(String name) {
    ObjectNode body = model.body(MetadataKind.OPTION_LIST, name);
    if (body == null) {
      throw new RecordException(RecordException.Reason.NOT_FOUND, "no_option_list");
    }
    return body;
  }

  private static ObjectNode find(ObjectNode body, String code) {
    for (JsonNode option : body.withArray("options")) {
      if (option.path("code").asString("").equals(code)) {
        return (ObjectNode) option;
      }
    }
    throw new RecordException(RecordException.Reason.NOT_FOUND, "no_option");
  }

  private static List<OptionItem> options(ObjectNode body, KithLocale locale) {
    List<OptionItem> out = new ArrayList<>();
    int position = 1;
    for (ObjectNode option : ModelAdmin.ordered(body.withArray("options"))) {
      OptionForm form = form(option);
      String label = form.labels().getOrDefault(locale.tag(), "");
      if (label.isEmpty()) {
        label = form.labels().getOrDefault(KithLocale.EN.tag(), form.code());
      }
      out.add(new OptionItem(form.code(), label, form.labels(), form.color(), form.active(), position++));
    }
    return out;
  }

  private static OptionForm form(ObjectNode option) {
    Map<String, String> labels = new LinkedHashMap<>();
    for (KithLocale l : KithLocale.values()) {
      labels.put(l.tag(), option.path("label").path(l.tag()).asString(""));
    }
    boolean active = option.path("active").asBoolean(true);
    return new OptionForm(option.path("code").asString(""), labels, option.path("color").asString(""), active, true,
        !active, Map.of());
  }

  /**
   * Fuzzy match on the code and every label: each word of the query must occur, or its letters
   * in order ("mle" finds "Male"), ignoring case.
   */
  static boolean matches(String query, OptionItem option) {
    if (query.isEmpty()) {
      return true;
    }
    List<String> texts = new ArrayList<>(option.labels().values());
    texts.add(option.code());
    for (String word : query.toLowerCase(Locale.ROOT).split("\\s+")) {
      if (texts.stream().noneMatch(text -> subsequence(word, text.toLowerCase(Locale.ROOT)))) {
        return false;
      }
    }
    return true;
  }

  private static boolean subsequence(String word, String text) {
    int at = 0;
    for (int i = 0; i < text.length() && at < word.length(); i++) {
      if (text.charAt(i) == word.charAt(at)) {
        at++;
      }
    }
    return at == word.length();
  }

  private static OptionForm read(MultiValueMap<String, String> data, boolean editing) {
    Map<String, String> labels = new LinkedHashMap<>();
    for (KithLocale l : KithLocale.values()) {
      labels.put(l.tag(), first(data, "label." + l.tag()).strip());
    }
    return new OptionForm(first(data, "code").strip(), labels, first(data, "color").strip(), true, editing, false,
        Map.of());
  }

  private Map<String, String> check(OptionForm form, KithLocale locale) {
    Map<String, String> errors = new LinkedHashMap<>();
    if (form.labels().get(KithLocale.EN.tag()).isEmpty()) {
      errors.put("label.en", admin.pages().text(locale, "meta.option.label_required"));
    }
    if (!form.color().isEmpty() && !COLOR.matcher(form.color()).matches()) {
      errors.put("color", admin.pages().text(locale, "meta.option.color_invalid"));
    }
    return errors;
  }

  private static OptionForm withErrors(OptionForm form, Map<String, String> errors) {
    return new OptionForm(form.code(), form.labels(), form.color(), form.active(), form.editing(), form.readOnly(), errors);
  }

  private static ObjectNode json(OptionForm form) {
    ObjectNode option = io.kith.fieldtype.Json.object();
    if (!form.code().isEmpty()) {
      option.put("code", form.code());
    }
    ObjectNode label = option.putObject("label");
    form.labels().forEach((tag, text) -> {
      if (!text.isEmpty()) {
        label.put(tag, text);
      }
    });
    if (!form.color().isEmpty()) {
      option.put("color", form.color().toLowerCase(Locale.ROOT));
    }
    return option;
  }

  private static List<String> tags() {
    List<String> out = new ArrayList<>();
    for (KithLocale l : KithLocale.values()) {
      out.add(l.tag());
    }
    return out;
  }

  static HttpStatus status(ModelAdmin.Refused e) {
    HttpStatus status = HttpStatus.resolve(e.status());
    return status == null ? HttpStatus.BAD_REQUEST : status;
  }

  static String listUrl(String name) {
    return "/app/admin/option-lists/" + URLEncoder.encode(name, StandardCharsets.UTF_8);
  }

  private static String first(MultiValueMap<String, String> form, String name) {
    String value = form.getFirst(name);
    return value == null ? "" : value;
  }

  static Mono<ServerResponse> redirect(String location) {
    return ServerResponse.seeOther(URI.create(location)).build();
  }
}
