package io.kith.metadata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.kith.testing.MetadataFolders;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Duplicate rules in entity metadata: loaded in order, written back, and checked against the fields. */
class DedupeMetadataTest {

  private final MetadataLoader loader = new MetadataLoader();

  @Test
  void loadsDuplicateRulesAndWritesThemBack(@TempDir Path dir) {
    write(dir, "[{name: by_email, label: {en: Same email}, fields: [emails.email]}, {name: by_name, fields: [given, family]}]");

    EntityDef person = loader.load(new MetadataSource(dir.toString()).read(), 1).entity("person").orElseThrow();

    assertThat(person.dedupeRules()).extracting(DedupeRule::name).containsExactly("by_email", "by_name");
    assertThat(person.dedupeRule("by_name").orElseThrow().fields()).containsExactly("given", "family");
    assertThat(MetadataWriter.entity(person).get("dedupe").toString())
        .isEqualTo("[{\"name\":\"by_email\",\"label\":{\"en\":\"Same email\"},\"fields\":[\"emails.email\"]},"
            + "{\"name\":\"by_name\",\"fields\":[\"given\",\"family\"]}]");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      [{name: a, fields: [nope]}]                            | /dedupe/0/fields/0 | names "nope"
      [{name: a, fields: [emails.nope]}]                     | /dedupe/0/fields/0 | names "emails.nope"
      [{name: a, fields: [emails]}]                          | /dedupe/0/fields/0 | names "emails"
      [{name: a, fields: [given]}, {name: a, fields: [family]}] | /dedupe/1/name  | already a duplicate rule named "a"
      [{name: a, fields: []}]                                | /dedupe/0/fields   | minItems
      """)
  void rejectsDuplicateRulesThatNameNoField(String rules, String pointer, String words, @TempDir Path dir) {
    write(dir, rules);

    MetadataException e = catchThrowableOfType(MetadataException.class,
        () -> loader.load(new MetadataSource(dir.toString()).read(), 1));

    assertThat(e).isNotNull();
    assertThat(e.problems()).anySatisfy(p -> {
      assertThat(p.pointer()).isEqualTo(pointer);
      assertThat(p.message()).containsIgnoringCase(words.equals("minItems") ? "at least" : words);
    });
  }

  private static void write(Path dir, String dedupe) {
    MetadataFolders.write(dir, "entities/person.yaml", """
        name: person
        label: {en: Person}
        pluralLabel: {en: People}
        displayName: "{given} {family}"
        fields:
          - {name: given, type: text}
          - {name: family, type: text}
          - name: emails
            type: collection
            fields:
              - {name: email, type: email, required: true}
        dedupe: %s
        """.formatted(dedupe));
  }
}
