package io.kith.schema;

import io.kith.metadata.Identifiers;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The one quoting helper: every table, column and index name in SQL goes through here. Names come
 * only from validated metadata; anything else is refused before it can reach SQL text.
 */
public final class SqlNames {

  /** The schema holding one table per entity type (plus child and link tables). */
  public static final String DATA_SCHEMA = "public";

  private static final int MAX_IDENTIFIER = 63;

  private SqlNames() {}

  /** A quoted identifier; throws if the name is not one Kith could have generated. */
  public static String quote(String name) {
    if (!isGenerated(name)) {
      throw new IllegalArgumentException("refusing to quote a name not from metadata: " + name);
    }
    return '"' + name + '"';
  }

  /** {@code "public"."contact"}. */
  public static String table(String table) {
    return quote(DATA_SCHEMA) + "." + quote(table);
  }

  /** The table of a collection or multi-reference field: {@code contact__emails}. */
  public static String childTable(String entity, String field) {
    return shorten(entity + "__" + field);
  }

  /** An index or constraint name, shortened with a hash when PostgreSQL would truncate it. */
  public static String constraintName(String table, String what, String suffix) {
    return shorten(table + "__" + what + "__" + suffix);
  }

  /** Names over PostgreSQL's 63 characters keep a readable prefix and gain a hash of the whole. */
  private static String shorten(String name) {
    if (name.length() <= MAX_IDENTIFIER) {
      return name;
    }
    return name.substring(0, MAX_IDENTIFIER - 9) + "_" + hash(name);
  }

  private static boolean isGenerated(String name) {
    if (name == null || name.isEmpty() || name.length() > MAX_IDENTIFIER) {
      return false;
    }
    for (String part : name.split("__", -1)) {
      if (!Identifiers.PATTERN.matcher(part).matches()) {
        return false;
      }
    }
    return true;
  }

  private static String hash(String text) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 4);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
