package io.kith.metadata;

import io.kith.jsonschema.JsonSchemas;
import io.kith.jsonschema.JsonSchemas.CompiledSchema;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Loads metadata files into a {@link MetadataSnapshot}: parse (YAML or JSON to one tree), validate
 * each file against its kind's JSON Schema, bind to records, then run the semantic checks. Every
 * problem in every file is collected and thrown together.
 */
public final class MetadataLoader {

  private static final String SCHEMA_FOLDER = "kith/metadata/schemas/";

  private final ObjectMapper yaml = YAMLMapper.builder().build();
  private final ObjectMapper json = JsonMapper.builder().build();
  private final Map<MetadataKind, CompiledSchema> schemas = new EnumMap<>(MetadataKind.class);

  public MetadataLoader() {
    for (MetadataKind kind : MetadataKind.values()) {
      schemas.put(kind, JsonSchemas.compile(readSchema(kind)));
    }
  }

  /** The JSON Schema of one kind of metadata file, as shipped in {@code metadata/schemas}. */
  public JsonNode readSchema(MetadataKind kind) {
    String resource = SCHEMA_FOLDER + kind.schemaFile();
    try (InputStream in = getClass().getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing schema on the classpath: " + resource);
      }
      return json.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public MetadataSnapshot load(List<MetadataFile> files, long version) {
    List<MetadataProblem> problems = new ArrayList<>();
    Map<String, EntityDef> entities = new LinkedHashMap<>();
    Map<String, String> entityFiles = new LinkedHashMap<>();
    Map<String, OptionList> optionLists = new LinkedHashMap<>();
    Map<String, String> optionListFiles = new LinkedHashMap<>();
    Map<String, RelationshipTypeDef> relationshipTypes = new LinkedHashMap<>();
    Map<String, String> relationshipTypeFiles = new LinkedHashMap<>();

    for (MetadataFile file : files) {
      JsonNode tree = parse(file, problems);
      if (tree == null || !valid(file, tree, problems)) {
        continue;
      }
      String name = tree.get("name").asString();
      if (!name.equals(file.baseName())) {
        problems.add(new MetadataProblem(file.path(), "/name",
            "The name \"" + name + "\" must match the file name \"" + file.baseName() + "\"."));
        continue;
      }
      switch (file.kind()) {
        case ENTITY -> {
          if (register(file, name, entityFiles, "entity type", problems)) {
            entities.put(name, MetadataBinder.entity(tree));
          }
        }
        case OPTION_LIST -> {
          if (register(file, name, optionListFiles, "option list", problems)) {
            optionLists.put(name, MetadataBinder.optionList(tree));
          }
        }
        case RELATIONSHIP_TYPE -> {
          if (register(file, name, relationshipTypeFiles, "relationship type", problems)) {
            relationshipTypes.put(name, MetadataBinder.relationshipType(tree));
          }
        }
      }
    }

    if (optionLists.containsKey(RelationshipSpec.TYPE_LIST)) {
      problems.add(new MetadataProblem(optionListFiles.get(RelationshipSpec.TYPE_LIST), "/name",
          "The option list \"" + RelationshipSpec.TYPE_LIST + "\" is made by Kith from the relationship types; choose another name."));
    } else {
      optionLists.put(RelationshipSpec.TYPE_LIST, RelationshipTypeOptions.of(relationshipTypes.values()));
    }
    MetadataChecker checker = new MetadataChecker(entities, optionLists, entityFiles, problems);
    optionLists.forEach((name, list) -> {
      if (optionListFiles.containsKey(name)) {
        checker.checkOptionList(optionListFiles.get(name), list);
      }
    });
    entities.values().forEach(checker::checkEntity);
    relationshipTypes.forEach(
        (name, type) -> checker.checkRelationshipType(relationshipTypeFiles.get(name), type));

    if (!problems.isEmpty()) {
      throw new MetadataException(problems);
    }
    return new MetadataSnapshot(version, entities, optionLists, relationshipTypes);
  }

  /** Parses one metadata body the way a file is parsed, for callers that hold JSON directly. */
  public JsonNode parse(MetadataFile file, List<MetadataProblem> problems) {
    try {
      JsonNode tree = (file.isJson() ? json : yaml).readTree(file.content());
      if (tree == null || !tree.isObject()) {
        problems.add(new MetadataProblem(file.path(), "", "The file must contain one object (a map of keys to values)."));
        return null;
      }
      return tree;
    } catch (JacksonException e) {
      TokenStreamLocation at = e.getLocation();
      String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
      String kind = file.isJson() ? "JSON" : "YAML";
      problems.add(new MetadataProblem(file.path(), "",
          kind + " syntax error" + where + ": " + e.getOriginalMessage()));
      return null;
    }
  }

  private boolean valid(MetadataFile file, JsonNode tree, List<MetadataProblem> problems) {
    List<JsonSchemas.Violation> violations = schemas.get(file.kind()).validate(tree);
    for (JsonSchemas.Violation v : violations) {
      problems.add(new MetadataProblem(file.path(), v.pointer(), describe(v)));
    }
    return violations.isEmpty();
  }

  private static String describe(JsonSchemas.Violation v) {
    return switch (v.keyword()) {
      case "required" -> "The required property \"" + v.property() + "\" is missing.";
      case "additionalProperties" -> "\"" + v.property() + "\" is not a known property here.";
      // The validator passes the allowed values as one argument, already printed as a list.
      case "enum" -> "The value is not one of the allowed values "
          + (v.arguments().size() == 1 ? v.arguments().get(0) : v.arguments()) + ".";
      case "pattern" -> v.pointer().endsWith("/name") || v.pointer().matches(".*/(subtypes|fields|columns|list|entity|subtype|source)(/\\d+)?$")
          ? "Names use lower-case letters, digits and single underscores, start with a letter, and have at most "
              + Identifiers.MAX_LENGTH + " characters."
          : v.message();
      default -> v.message();
    };
  }

  private static boolean register(
      MetadataFile file, String name, Map<String, String> seen, String what,
      List<MetadataProblem> problems) {
    String previous = seen.putIfAbsent(name, file.path());
    if (previous != null) {
      problems.add(new MetadataProblem(file.path(), "/name",
          "The " + what + " \"" + name + "\" is already defined in " + previous + "."));
      return false;
    }
    return true;
  }
}
