package io.kith.metadata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.kith.testing.MetadataFolders;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Rules, computed expressions and dependent option fields in metadata files: loaded, written back
 * in the file shape, and every fault (an expression that does not compile, an unknown field, a
 * parent code no list has) reported as a problem with file and pointer before anything starts.
 */
class ExpressionMetadataTest {

  private final MetadataLoader loader = new MetadataLoader();

  private static final String GOOD_RULES = """
      rules:
        - name: ends_after_start
          when: "has(ends) && has(starts)"
          check: "ends >= starts"
          field: ends
          message: {en: Ends before it starts., zh-Hant: 結束早於開始。}
      """;

  @Test
  void loadsRulesExpressionsAndDependentOptionsAndWritesThemBack(@TempDir Path dir) {
    write(dir, "double(hours) * 2.0", "decimal", "region", GOOD_RULES);

    MetadataSnapshot snapshot = loader.load(new MetadataSource(dir.toString()).read(), 1);
    EntityDef shift = snapshot.entity("shift").orElseThrow();

    RuleDef rule = shift.rule("ends_after_start").orElseThrow();
    assertThat(rule.when()).isEqualTo("has(ends) && has(starts)");
    assertThat(rule.check()).isEqualTo("ends >= starts");
    assertThat(rule.message(io.kith.i18n.KithLocale.ZH_HANT)).isEqualTo("結束早於開始。");
    assertThat(shift.field("district").orElseThrow().type()).isEqualTo(new FieldType.Option("district", "region"));
    assertThat(snapshot.optionList("district").option("sha_tin").orElseThrow().parents()).containsExactly("hk");
    FieldType.Computed doubled = (FieldType.Computed) shift.field("doubled").orElseThrow().type();
    assertThat(doubled.formula()).isEqualTo(FieldType.Formula.EXPRESSION);
    assertThat(doubled.result()).isEqualTo(new FieldType.DecimalNumber(19, 4));

    assertThat(MetadataWriter.entity(shift).get("rules").toString()).isEqualTo(
        "[{\"name\":\"ends_after_start\",\"when\":\"has(ends) && has(starts)\",\"check\":\"ends >= starts\","
            + "\"field\":\"ends\",\"message\":{\"en\":\"Ends before it starts.\",\"zh-Hant\":\"結束早於開始。\"}}]");
    assertThat(MetadataWriter.field(shift.field("doubled").orElseThrow()).toString())
        .contains("\"formula\":\"expression\"", "\"expression\":\"double(hours) * 2.0\"", "\"resultType\":\"decimal\"");
    assertThat(MetadataWriter.field(shift.field("district").orElseThrow()).get("dependsOn").toString())
        .isEqualTo("{\"field\":\"region\"}");
    assertThat(MetadataWriter.optionList(snapshot.optionList("district")).toString()).contains("\"parents\":[\"hk\"]");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      unknown field in a check     | hours > 1                      | integer | region | ends >= nowhere    | ends | /rules/0/check      | undeclared reference to
      has() of an unknown field    | hours > 1                      | integer | region | has(nowhere)       | ends | /rules/0/check      | undeclared reference to
      syntax error in a check      | hours > 1                      | integer | region | ends >=            | ends | /rules/0/check      | not a valid expression
      check that is not a boolean  | hours > 1                      | integer | region | hours + 1          | ends | /rules/0/check      | expected type
      wrong types compared         | hours > 1                      | integer | region | ends >= 5          | ends | /rules/0/check      | no matching overload
      message on an unknown field  | hours > 1                      | integer | region | ends >= starts     | nope | /rules/0/field      | "nope", which is not a field
      expression of the wrong type | string(hours)                  | integer | region | ends >= starts     | ends | /fields/5/expression | expected type
      expression naming no field   | double(minutes)                | decimal | region | ends >= starts     | ends | /fields/5/expression | undeclared reference to
      dependent on no option field | hours > 1                      | boolean | hours  | ends >= starts     | ends | /fields/4/dependsOn/field | not another option field
      """)
  void reportsBadExpressionsAndDependenciesAsProblems(String what, String expression, String resultType, String parent,
      String check, String field, String pointer, String words, @TempDir Path dir) {
    write(dir, expression, resultType, parent, """
        rules:
          - name: a_rule
            check: "%s"
            field: %s
            message: {en: Wrong.}
        """.formatted(check, field));

    MetadataException e = catchThrowableOfType(MetadataException.class,
        () -> loader.load(new MetadataSource(dir.toString()).read(), 1));

    assertThat(e).as(what).isNotNull();
    assertThat(e.problems()).as(what).anySatisfy(p -> {
      assertThat(p.file()).isEqualTo("entities/shift.yaml");
      assertThat(p.pointer()).isEqualTo(pointer);
      assertThat(p.message()).contains(words);
    });
  }

  @Test
  void reportsAParentCodeTheParentListDoesNotHave(@TempDir Path dir) {
    write(dir, "hours > 1", "boolean", "region", "");
    MetadataFolders.write(dir, "option-lists/district.yaml", """
        name: district
        label: {en: District}
        options:
          - {code: sha_tin, label: {en: Sha Tin}, parents: [atlantis]}
        """);

    MetadataException e = catchThrowableOfType(MetadataException.class,
        () -> loader.load(new MetadataSource(dir.toString()).read(), 1));

    assertThat(e.problems()).anySatisfy(p -> {
      assertThat(p.pointer()).isEqualTo("/fields/4/dependsOn/field");
      assertThat(p.message()).contains("\"atlantis\", which is not an option of list \"region\"");
    });
  }

  @Test
  void schemaRefusesDependsOnOutsideOptionFieldsAndExpressionsOutsideComputedOnes(@TempDir Path dir) {
    write(dir, "hours > 1", "boolean", "region", "");
    MetadataFolders.write(dir, "entities/other.yaml", """
        name: other
        label: {en: Other}
        pluralLabel: {en: Others}
        displayName: "{title}"
        fields:
          - {name: title, type: text, dependsOn: {field: title}}
          - {name: score, type: integer, expression: "1 + 1"}
        """);

    MetadataException e = catchThrowableOfType(MetadataException.class,
        () -> loader.load(new MetadataSource(dir.toString()).read(), 1));

    assertThat(e.problems()).filteredOn(p -> p.file().equals("entities/other.yaml"))
        .extracting(MetadataProblem::pointer).contains("/fields/0/type", "/fields/1/type");
  }

  private static void write(Path dir, String expression, String resultType, String parent, String rules) {
    MetadataFolders.write(dir, "option-lists/region.yaml", """
        name: region
        label: {en: Region}
        options:
          - {code: hk, label: {en: Hong Kong}}
          - {code: cn, label: {en: Mainland}}
        """);
    if (!dir.resolve("option-lists/district.yaml").toFile().exists()) {
      MetadataFolders.write(dir, "option-lists/district.yaml", """
          name: district
          label: {en: District}
          options:
            - {code: sha_tin, label: {en: Sha Tin}, parents: [hk]}
            - {code: other, label: {en: Other}}
          """);
    }
    MetadataFolders.write(dir, "entities/shift.yaml", """
        name: shift
        label: {en: Shift}
        pluralLabel: {en: Shifts}
        displayName: "{title}"
        fields:
          - {name: title, type: text}
          - {name: starts, type: datetime}
          - {name: ends, type: datetime}
          - {name: region, type: option, list: region}
          - {name: district, type: option, list: district, dependsOn: {field: %s}}
          - {name: doubled, type: computed, formula: expression, expression: %s, resultType: %s}
          - {name: hours, type: integer}
        %s""".formatted(parent, "\"" + expression + "\"", resultType, rules));
  }
}
