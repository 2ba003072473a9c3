package io.kith.metadata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.kith.testing.MetadataFolders;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The metadata of quick search and stored templates: an entity's {@code search} block and computed
 * fields with {@code formula: template} load, are written back in the file's shape, and are
 * checked with a pointer and a plain sentence for every fault.
 */
class SearchMetadataTest {

  private static final String FIELDS = """
      fields:
        - {name: family, type: text}
        - {name: given, type: text}
        - {name: age, type: integer}
        - {name: sort_key, type: computed, formula: template, template: "{family}, {given}"}
        - name: emails
          type: collection
          fields:
            - {name: email, type: email}
            - {name: is_primary, type: boolean}
      """;

  private final MetadataLoader loader = new MetadataLoader();

  @Test
  void loadsSearchFieldsAndTemplatesAndWritesThemBack(@TempDir Path dir) {
    write(dir, FIELDS, "search:\n  fields: [sort_key, given, emails.email]\n");

    EntityDef person = loader.load(new MetadataSource(dir.toString()).read(), 1).entity("person").orElseThrow();

    assertThat(person.searchFields()).containsExactly("sort_key", "given", "emails.email");
    FieldType.Computed sortKey = (FieldType.Computed) person.field("sort_key").orElseThrow().type();
    assertThat(sortKey.formula()).isEqualTo(FieldType.Formula.TEMPLATE);
    assertThat(sortKey.isStored()).isTrue();
    assertThat(sortKey.template().render(null, name -> name.equals("family") ? "Chan" : "Tai Man"))
        .isEqualTo("Chan, Tai Man");
    assertThat(sortKey.template().render(null, name -> name.equals("family") ? null : "大文"))
        .as("no dangling separator when a part is empty").isEqualTo("大文");

    JsonNode written = MetadataWriter.entity(person);
    assertThat(written.get("search").get("fields").toString()).isEqualTo("[\"sort_key\",\"given\",\"emails.email\"]");
    assertThat(written.get("displayName").asString()).isEqualTo("{given} {family}");
    assertThat(written.get("fields").get(3).get("template").asString()).isEqualTo("{family}, {given}");

    MetadataFolders.write(dir, "entities/person.yaml", JsonMapper.builder().build().writeValueAsString(written));
    EntityDef again = loader.load(new MetadataSource(dir.toString()).read(), 1).entity("person").orElseThrow();
    assertThat(MetadataWriter.entity(again)).isEqualTo(written);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      [nope]                  | /search/fields/0 | "nope" is not a field
      [given, emails.nope]    | /search/fields/1 | "emails.nope" is not a field
      [given.email]           | /search/fields/0 | "given.email" is not a field
      [age]                   | /search/fields/0 | has type integer; quick search only looks at text
      [emails]                | /search/fields/0 | has type collection
      [emails.is_primary]     | /search/fields/0 | has type boolean
      [given, given]          | /search/fields   | uniqueItems
      [Given]                 | /search/fields/0 | lower-case
      """)
  void rejectsSearchFieldsThatAreNotSearchableText(String fields, String pointer, String words, @TempDir Path dir) {
    write(dir, FIELDS, "search:\n  fields: " + fields + "\n");

    MetadataException e = catchThrowableOfType(MetadataException.class,
        () -> loader.load(new MetadataSource(dir.toString()).read(), 1));

    assertThat(e.problems()).anySatisfy(p -> {
      assertThat(p.file()).isEqualTo("entities/person.yaml");
      assertThat(p.pointer()).isEqualTo(pointer);
      assertThat(p.message()).containsIgnoringCase(words.replace("uniqueItems", "unique"));
    });
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      {name: sort_key, type: computed, formula: template, template: "{nobody}"}  | /fields/0/template | uses "nobody"
      {name: sort_key, type: computed, formula: template, template: {robot: "{given}"}} | /fields/0/template/robot | no subtype "robot"
      {name: sort_key, type: computed, formula: template}                        | /fields/0           | template
      {name: sort_key, type: text, template: "{given}"}                          | /fields/0/type      | computed
      {name: search_text, type: text}                                            | /fields/0/name      | quick search
      """)
  void rejectsBadTemplatesAndSearchColumnNames(String field, String pointer, String words, @TempDir Path dir) {
    write(dir, "fields:\n  - " + field + "\n  - {name: given, type: text}\n", "");

    MetadataException e = catchThrowableOfType(MetadataException.class,
        () -> loader.load(new MetadataSource(dir.toString()).read(), 1));

    assertThat(e).isNotNull();
    assertThat(e.problems()).anySatisfy(p -> {
      assertThat(p.pointer()).isEqualTo(pointer);
      assertThat(p.message()).contains(words);
    });
  }

  private static void write(Path dir, String fields, String search) {
    MetadataFolders.write(dir, "entities/person.yaml", """
        name: person
        label: {en: Person}
        pluralLabel: {en: People}
        displayName: "{given} {family}"
        """ + fields + search);
  }
}
