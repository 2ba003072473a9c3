package io.kith.importing;

import java.util.List;

/**
 * The duplicate keys a dry run has met so far in its file, kept as 64-bit hashes in an open-
 * addressing table: a million keys cost 16-32 MB instead of their text (a key as a list of strings
 * costs some 120 bytes). Two different keys sharing a hash, some 3 in 100 million at a million
 * keys, would make the preview count one row as a duplicate; the import itself never uses this.
 */
final class SeenKeys {

  private long[] table = new long[1 << 12];
  private int size;

  boolean contains(List<String> key) {
    long hash = hash(key);
    for (int i = slot(hash, table.length); ; i = (i + 1) & (table.length - 1)) {
      if (table[i] == 0) {
        return false;
      }
      if (table[i] == hash) {
        return true;
      }
    }
  }

  void add(List<String> key) {
    if (2 * (size + 1) > table.length) {
      grow();
    }
    if (put(table, hash(key))) {
      size++;
    }
  }

  int size() {
    return size;
  }

  private void grow() {
    long[] bigger = new long[table.length * 2];
    for (long hash : table) {
      if (hash != 0) {
        put(bigger, hash);
      }
    }
    table = bigger;
  }

  /** Stores the hash unless present; whether it was new. */
  private static boolean put(long[] into, long hash) {
    for (int i = slot(hash, into.length); ; i = (i + 1) & (into.length - 1)) {
      if (into[i] == hash) {
        return false;
      }
      if (into[i] == 0) {
        into[i] = hash;
        return true;
      }
    }
  }

  private static int slot(long hash, int length) {
    return (int) (hash ^ (hash >>> 32)) & (length - 1);
  }

  /** FNV-1a over the parts' characters with a separator between parts, then a final mix; never 0. */
  static long hash(List<String> key) {
    long h = 0xcbf29ce484222325L;
    for (String part : key) {
      for (int i = 0; i < part.length(); i++) {
        h = (h ^ part.charAt(i)) * 0x100000001b3L;
      }
      h = (h ^ 0xFFFF) * 0x100000001b3L;
    }
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    return h == 0 ? 1 : h;
  }
}
