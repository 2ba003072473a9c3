package io.kith.metaadmin;

import io.kith.fieldtype.Json;
import io.kith.metadata.MetadataFile;
import io.kith.metadata.MetadataKind;
import io.kith.metadata.MetadataLoader;
import io.kith.metadata.MetadataProblem;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;
import tools.jackson.dataformat.yaml.YAMLWriteFeature;
import tools.jackson.databind.node.ObjectNode;

/**
 * The effective model as a metadata package: {@code {"format": "kith-metadata/1", "version": n,
 * "files": {"entities/contact.yaml": "<YAML text>", ...}}}, paths and YAML exactly as in the
 * {@code metadata/} folder, so the files can be written out and used as {@code KITH_METADATA_PATH}.
 * Shipped files nobody changed are exported as they are (comments included).
 */
final class ModelPackage {

  static final String FORMAT = "kith-metadata/1";

  private static final ObjectMapper YAML = YAMLMapper.builder()
      .disable(YAMLWriteFeature.WRITE_DOC_START_MARKER).enable(YAMLWriteFeature.MINIMIZE_QUOTES).build();

  private ModelPackage() {}

  static ObjectNode export(EffectiveModel model, MetadataLoader loader) {
    ObjectNode out = Json.object().put("format", FORMAT).put("version", model.snapshot().version());
    ObjectNode files = out.putObject("files");
    for (MetadataKind kind : MetadataKind.values()) {
      model.files().forEach((item, file) -> {
        if (item.kind() == kind) {
          boolean yaml = !file.isJson();
          files.put(item.yamlPath(), yaml && file.path().endsWith(".yaml") ? file.content()
              : YAML.writeValueAsString(model.body(item, loader)));
        }
      });
    }
    return out;
  }

  /**
   * The changes that make {@code base} what the package {@code pkg} says: every item of the package,
   * and, unless {@code merge}, no item the package lacks (those are deleted, entity types retired).
   * Unparseable files and unknown folders are 422s naming the file.
   */
  static List<ItemChange> changes(EffectiveModel base, JsonNode pkg, MetadataLoader loader, boolean merge,
      Sentences text) {
    JsonNode files = pkg == null ? null : pkg.get("files");
    List<MetadataProblem> problems = new ArrayList<>();
    List<ItemChange> changes = new ArrayList<>();
    Set<ModelItem> inPackage = new LinkedHashSet<>();
    if (files == null || !files.isObject()) {
      problems.add(new MetadataProblem("", "/files", "The package needs \"files\": an object of file path to YAML or JSON text."));
    } else {
      for (Map.Entry<String, JsonNode> entry : files.properties()) {
        String path = entry.getKey();
        MetadataKind kind = kindOf(path);
        if (kind == null || !entry.getValue().isString()) {
          problems.add(new MetadataProblem(path, "", kind == null
              ? "Not a metadata file: expected entities/, option-lists/ or relationship-types/ and .yaml, .yml or .json."
              : "The file's content must be text."));
          continue;
        }
        MetadataFile file = new MetadataFile(path, kind, entry.getValue().asString());
        JsonNode tree = loader.parse(file, problems);
        ModelItem item = new ModelItem(kind, file.baseName());
        if (!inPackage.add(item)) {
          problems.add(new MetadataProblem(path, "", "The package has " + item + " twice."));
        } else if (tree != null) {
          if (!Objects.equals(tree, base.body(item, loader))) {
            changes.add(new ItemChange(item, (ObjectNode) tree));
          }
        }
      }
    }
    if (!merge && problems.isEmpty()) {
      base.files().keySet().stream().filter(item -> !inPackage.contains(item))
          .forEach(item -> changes.add(new ItemChange(item, null)));
    }
    if (!problems.isEmpty()) {
      throw new MetaAdminException(422, "invalid_metadata", text.get("invalid_package", problems.size()),
          problemsOf(problems));
    }
    return changes;
  }

  /** The changes that turn {@code base} into {@code target}, item by item. */
  static List<ItemChange> difference(EffectiveModel base, EffectiveModel target, MetadataLoader loader) {
    Set<ModelItem> items = new LinkedHashSet<>(base.files().keySet());
    items.addAll(target.files().keySet());
    List<ItemChange> changes = new ArrayList<>();
    for (ModelItem item : items) {
      ObjectNode before = base.body(item, loader);
      ObjectNode after = target.body(item, loader);
      if (!Objects.equals(before, after)) {
        changes.add(new ItemChange(item, after));
      }
    }
    return changes;
  }

  private static MetadataKind kindOf(String path) {
    int slash = path.indexOf('/');
    if (slash < 0 || path.indexOf('/', slash + 1) >= 0
        || !(path.endsWith(".yaml") || path.endsWith(".yml") || path.endsWith(".json"))) {
      return null;
    }
    String folder = path.substring(0, slash);
    for (MetadataKind kind : MetadataKind.values()) {
      if (kind.folder().equals(folder)) {
        return kind;
      }
    }
    return null;
  }

  static ObjectNode problemsOf(List<MetadataProblem> problems) {
    ObjectNode details = Json.object();
    var list = details.putArray("problems");
    problems.forEach(p -> list.addObject().put("file", p.file()).put("field", p.pointer()).put("message", p.message()));
    return details;
  }
}
