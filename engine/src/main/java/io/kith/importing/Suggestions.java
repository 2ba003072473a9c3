package io.kith.importing;

import io.kith.i18n.KithLocale;
import io.kith.metadata.EntityDef;
import io.kith.metadata.FieldDef;
import io.kith.metadata.FieldType;
import io.kith.metadata.Identifiers;
import io.kith.metadata.LocalizedText;
import io.kith.metadata.MetadataSnapshot;
import io.kith.metadata.OptionDef;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.StringNode;

/**
 * Suggests where each column goes from its header: field names and labels in every language,
 * collection fields ("Email", "電郵") and qualified collection rows ("Email (Home)", "住宅電郵"),
 * reference fields by their label or their target type's label, and a few common synonyms
 * ("E-mail Address", "电子邮件", "Surname"). Built once per entity type and metadata version.
 * Headers are compared without case, spaces or punctuation.
 */
final class Suggestions {

  /** Common header words for fields of these names, whatever entity type has them. */
  private static final Map<String, List<String>> SYNONYMS = Map.ofEntries(
      Map.entry("email", List.of("email", "e-mail", "email address", "e-mail address", "mail", "電子郵件", "电子邮件",
          "電郵地址", "邮箱地址", "電子郵箱", "电子邮箱", "郵件", "邮件", "電郵", "邮箱")),
      Map.entry("phone", List.of("phone", "phone number", "telephone", "tel", "mobile", "電話號碼", "电话号码", "手機", "手机",
          "聯絡電話", "联系电话")),
      Map.entry("first_name", List.of("first name", "given name", "forename", "名")),
      Map.entry("last_name", List.of("last name", "surname", "family name", "姓", "姓氏")),
      Map.entry("gender", List.of("sex", "性別", "性别")),
      Map.entry("birth_date", List.of("date of birth", "dob", "birthday", "生日", "出生日期")),
      Map.entry("city", List.of("city", "town", "城市", "市")),
      Map.entry("postal_code", List.of("zip", "zip code", "postcode", "post code", "郵編", "邮编")),
      Map.entry("street_address", List.of("address", "street", "地址", "街道")),
      Map.entry("external_identifier", List.of("external id", "id in other system", "外部編號", "外部编号")));

  /**
   * A suggested target.
   *
   * @param row fixed collection-row values ({@code location_type: home}), empty for none
   * @param match for a reference: the target field the cells are compared with
   */
  record Target(FieldPath path, Map<String, JsonNode> row, String match) {}

  private final Map<String, Target> byHeader = new LinkedHashMap<>();
  private final EntityDef entity;
  private final MetadataSnapshot snapshot;

  Suggestions(MetadataSnapshot snapshot, EntityDef entity) {
    this.snapshot = snapshot;
    this.entity = entity;
    List<FieldDef> references = new ArrayList<>();
    for (FieldDef field : entity.fields()) {
      if (field.isComputed()) {
        continue;
      }
      if (field.type() instanceof FieldType.Collection c) {
        collection(field, c);
      } else {
        Target target = target(field);
        names(field.name(), field.label()).forEach(n -> put(n, target));
        SYNONYMS.getOrDefault(field.name(), List.of()).forEach(n -> put(n, target));
        if (referencedEntity(field) != null) {
          references.add(field);
        }
      }
    }
    // A header naming the target type ("Contact") goes to a multi-reference first (an activity's
    // contacts rather than who recorded it), then to the first reference.
    references.sort(java.util.Comparator.comparing(f -> f.type() instanceof FieldType.MultiReference ? 0 : 1));
    for (FieldDef field : references) {
      snapshot.entity(referencedEntity(field)).ifPresent(t -> names(t.name(), t.label()).forEach(n -> put(n, target(field))));
    }
  }

  private Target target(FieldDef field) {
    return new Target(new FieldPath(field.name(), null), Map.of(), referenceMatch(field));
  }

  private void collection(FieldDef field, FieldType.Collection c) {
    FieldDef main = c.fields().stream().filter(FieldDef::required).findFirst().orElse(c.fields().get(0));
    FieldDef location = c.fields().stream()
        .filter(f -> f.type() instanceof FieldType.Option o && o.list().equals("location_type")
            || f.name().equals("location_type"))
        .findFirst().orElse(null);
    for (FieldDef child : c.fields()) {
      Target plain = new Target(new FieldPath(field.name(), child.name()), Map.of(), null);
      List<String> childNames = new ArrayList<>(names(child.name(), child.label()));
      SYNONYMS.getOrDefault(child.name(), List.of()).forEach(childNames::add);
      for (String collectionName : names(field.name(), field.label())) {
        childNames.forEach(n -> put(collectionName + " " + n, plain));
        if (child == main) {
          put(collectionName, plain);
        }
      }
      childNames.forEach(n -> put(n, plain));
      if (location != null && location != child && location.type() instanceof FieldType.Option o) {
        for (OptionDef option : snapshot.optionList(o.list()).options()) {
          Target qualified = new Target(plain.path(), Map.of(location.name(), StringNode.valueOf(option.code())), null);
          for (String where : names(option.code(), option.label())) {
            for (String n : childNames) {
              put(n + " (" + where + ")", qualified);
              put(where + " " + n, qualified);
              put(n + " " + where, qualified);
            }
          }
        }
      }
    }
  }

  /** Where {@code header} goes, or null when nothing matches. */
  Target suggest(String header, List<String> sampleValues) {
    Target target = byHeader.get(normal(header));
    if (target == null || target.match() == null) {
      return target;
    }
    // A reference column of email addresses matches by the target's email field.
    long emails = sampleValues.stream().filter(v -> v.contains("@")).count();
    if (emails > 0 && emails * 2 >= sampleValues.stream().filter(v -> !v.isBlank()).count()) {
      EntityDef referenced = snapshot.entity(referencedEntity(entity.field(target.path().field()).orElseThrow())).orElseThrow();
      String emailPath = emailPath(referenced);
      if (emailPath != null) {
        return new Target(target.path(), target.row(), emailPath);
      }
    }
    return target;
  }

  private String referenceMatch(FieldDef field) {
    String target = referencedEntity(field);
    if (target == null) {
      return null;
    }
    EntityDef referenced = snapshot.entity(target).orElseThrow();
    return referenced.field("display_name").isPresent() ? "display_name" : "id";
  }

  private static String referencedEntity(FieldDef field) {
    if (field.type() instanceof FieldType.Reference r) {
      return r.entity();
    }
    return field.type() instanceof FieldType.MultiReference m ? m.entity() : null;
  }

  /** The first email field of an entity type, top-level or in a collection ({@code emails.email}). */
  private static String emailPath(EntityDef entity) {
    for (FieldDef field : entity.fields()) {
      if (field.type() instanceof FieldType.Email) {
        return field.name();
      }
      if (field.type() instanceof FieldType.Collection c) {
        for (FieldDef child : c.fields()) {
          if (child.type() instanceof FieldType.Email) {
            return field.name() + "." + child.name();
          }
        }
      }
    }
    return null;
  }

  private void put(String name, Target target) {
    String key = normal(name);
    if (!key.isEmpty()) {
      byHeader.putIfAbsent(key, target);
    }
  }

  /** The name, its humanized form and every translation of the label. */
  private static List<String> names(String name, LocalizedText label) {
    List<String> out = new ArrayList<>(List.of(name, Identifiers.humanize(name)));
    for (KithLocale locale : KithLocale.values()) {
      out.add(label.resolve(locale, name));
    }
    return out;
  }

  /** Lower case, full-width folded (NFKC), without spaces, punctuation or brackets. */
  static String normal(String header) {
    String folded = Normalizer.normalize(header, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    StringBuilder out = new StringBuilder();
    folded.codePoints().filter(Character::isLetterOrDigit).forEach(out::appendCodePoint);
    return out.toString();
  }
}
