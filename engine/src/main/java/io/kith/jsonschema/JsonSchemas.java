package io.kith.jsonschema;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * The one place Kith talks to the JSON Schema library: compiles draft 2020-12 schemas and reports
 * violations with JSON pointers. Compiled schemas are thread-safe and meant to be reused.
 */
public final class JsonSchemas {

  private static final SchemaRegistry REGISTRY =
      SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

  private JsonSchemas() {}

  public static CompiledSchema compile(JsonNode schema) {
    return new CompiledSchema(REGISTRY.getSchema(schema));
  }

  /** A compiled schema. */
  public static final class CompiledSchema {
    private final Schema schema;

    private CompiledSchema(Schema schema) {
      this.schema = schema;
    }

    public List<Violation> validate(JsonNode instance) {
      return schema.validate(instance).stream().map(CompiledSchema::toViolation).toList();
    }

    private static Violation toViolation(Error error) {
      return new Violation(
          pointer(error.getInstanceLocation()),
          error.getKeyword(),
          error.getProperty(),
          error.getMessage(),
          error.getArguments() == null ? List.of() : List.of(error.getArguments()));
    }

    private static String pointer(NodePath path) {
      StringBuilder out = new StringBuilder();
      for (int i = 0; i < path.getNameCount(); i++) {
        String element = String.valueOf(path.getElement(i));
        out.append('/').append(element.replace("~", "~0").replace("/", "~1"));
      }
      return out.toString();
    }
  }

  /**
   * One violation.
   *
   * @param pointer JSON pointer of the offending value ({@code ""} for the root)
   * @param keyword the schema keyword that failed ({@code required}, {@code maxLength}, ...)
   * @param property for {@code required} and {@code additionalProperties}, the property concerned
   * @param message the library's English message
   * @param arguments the message arguments (limits, allowed values)
   */
  public record Violation(
      String pointer, String keyword, String property, String message, List<Object> arguments) {

    public Violation {
      arguments = arguments.stream().map(a -> (Object) String.valueOf(a)).toList();
    }
  }
}
