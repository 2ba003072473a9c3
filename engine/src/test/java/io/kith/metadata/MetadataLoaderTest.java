package io.kith.metadata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import io.kith.testing.MetadataFolders;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link MetadataLoader} on its own: every fault in a folder is reported at once, each with its
 * file and a JSON pointer, and the packs Kith ships or tests with load cleanly.
 */
class MetadataLoaderTest {

  private final MetadataLoader loader = new MetadataLoader();

  /** The faults planted in {@code metadata-invalid}: file, JSON pointer, words the message must use. */
  static Stream<Arguments> plantedFaults() {
    return Stream.of(
        Arguments.of("entities/bad_type.yaml", "/fields/2/type", "allowed values [\"text\", \"long_text\","),
        Arguments.of("entities/unknown_list.yaml", "/fields/1/list", "no_such_list"),
        Arguments.of("entities/duplicate_field.yaml", "/fields/2/name", "defined twice"),
        Arguments.of("entities/reserved_field.yaml", "/fields/1/name", "reserved SQL word"),
        Arguments.of("entities/meta.yaml", "/name", "reserved by Kith"),
        Arguments.of("entities/broken_yaml.yaml", "", "YAML syntax error"));
  }

  @Test
  void reportsEveryFaultAtOnceWithFileAndPointer() {
    MetadataException e = loadInvalid();

    assertThat(e.problems())
        .extracting(MetadataProblem::file, MetadataProblem::pointer)
        .containsExactlyInAnyOrderElementsOf(
            plantedFaults().map(a -> tuple(a.get()[0], a.get()[1])).toList());
  }

  @ParameterizedTest(name = "{0} at \"{1}\"")
  @MethodSource("plantedFaults")
  void explainsEachFaultInItsMessage(String file, String pointer, String words) {
    MetadataProblem problem = loadInvalid().problems().stream()
        .filter(p -> p.file().equals(file))
        .findFirst().orElseThrow();

    assertThat(problem.pointer()).isEqualTo(pointer);
    assertThat(problem.message()).contains(words);
  }

  @Test
  void reportsLineOfYamlSyntaxError() {
    MetadataProblem problem = loadInvalid().problems().stream()
        .filter(p -> p.file().equals("entities/broken_yaml.yaml"))
        .findFirst().orElseThrow();

    assertThat(problem.message()).containsPattern("line [34]\\b");
  }

  @Test
  void loadsShippedPackWithoutProblems() {
    MetadataSnapshot snapshot = loader.load(new MetadataSource(MetadataSource.CLASSPATH).read(), 1);

    assertThat(snapshot.entities()).containsKeys("contact", "activity");
    assertThat(snapshot.optionLists()).containsKeys("gender", "location_type", "activity_type");
    assertThat(snapshot.relationshipTypes()).isNotEmpty();
  }

  @Test
  void loadsVolunteerTestPackWithoutProblems() {
    MetadataSnapshot snapshot = loader.load(source("metadata-volunteer").read(), 1);

    assertThat(snapshot.entities()).containsOnlyKeys("contact", "volunteer_shift");
    assertThat(snapshot.entity("volunteer_shift").orElseThrow().field("slots").orElseThrow().type())
        .isInstanceOf(FieldType.Collection.class);
  }

  @Test
  void rejectsNameThatDiffersFromFileName(@TempDir Path dir) {
    MetadataFolders.write(dir, "option-lists/colour.yaml", """
        name: color
        label: {en: Colour}
        options:
          - code: red
            label: {en: Red}
        """);

    MetadataException e = catchThrowableOfType(MetadataException.class,
        () -> loader.load(new MetadataSource(dir.toString()).read(), 1));

    assertThat(e.problems()).extracting(MetadataProblem::file, MetadataProblem::pointer)
        .containsExactly(tuple("option-lists/colour.yaml", "/name"));
  }

  @Test
  void readsJsonFilesLikeYaml(@TempDir Path dir) {
    MetadataFolders.write(dir, "option-lists/colour.json", """
        {"name": "colour", "label": {"en": "Colour"},
         "options": [{"code": "red", "label": {"en": "Red", "zh-Hant": "紅"}}]}
        """);
    MetadataFolders.write(dir, "entities/swatch.json", """
        {"name": "swatch", "label": {"en": "Swatch"}, "pluralLabel": {"en": "Swatches"},
         "displayName": "{code}",
         "fields": [{"name": "code", "type": "text", "maxLength": 8, "required": true},
                    {"name": "colour", "type": "option", "list": "colour"}]}
        """);

    MetadataSnapshot snapshot = loader.load(new MetadataSource(dir.toString()).read(), 1);

    assertThat(snapshot.entity("swatch").orElseThrow().field("colour").orElseThrow().type())
        .isEqualTo(new FieldType.Option("colour"));
  }

  private MetadataException loadInvalid() {
    List<MetadataFile> files = source("metadata-invalid").read();
    return catchThrowableOfType(MetadataException.class, () -> loader.load(files, 1));
  }

  private static MetadataSource source(String resource) {
    return new MetadataSource(MetadataFolders.resource(resource).toString());
  }
}
