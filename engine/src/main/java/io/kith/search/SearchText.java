package io.kith.search;

import java.text.Normalizer;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Kith's own text normalisation and n-grams for quick search, computed in Java so that nothing
 * depends on the database's locale or extensions.
 *
 * <p>Values are compared as NFKC, lower case, with runs of white space as one space. A value is
 * stored inside {@code search_text} between two {@link #SEPARATOR}s, so "starts with" is a
 * substring test for {@code SEPARATOR + q} (or {@code " " + q} for a later word), and "equals" one
 * for {@code SEPARATOR + q + SEPARATOR}.
 *
 * <p>The grams of a value (GIN-indexed as integer keys, see {@link #indexKeys(Collection)}) are:
 * every three characters of {@code SEPARATOR + value + SEPARATOR} that either touch a separator or
 * hold no CJK character; every one and two
 * CJK characters in a row; and the first one and two characters of each word, marked with the
 * separator; and every {@value #DIGIT_GRAM} digits in a row. A text contained in a value therefore
 * has all its own grams among the value's, which
 * is what the queries rely on; the database re-checks the exact condition on {@code search_text}.
 */
public final class SearchText {

  /** The version of the stored format; a change makes Kith fill every row's search columns again. */
  public static final String FORMAT = "3";

  /**
   * Digits have only a thousand trigrams, each in a large share of rows; runs of digits (phone
   * numbers) also get their five-digit grams, which a term of five or more digits looks up.
   */
  static final int DIGIT_GRAM = 5;

  /** Separates values in {@code search_text} and marks value and word starts and ends in grams. */
  public static final String SEPARATOR = "\n";

  /** Longest value (in characters) taken into search; the rest of a long text is not searched. */
  static final int MAX_VALUE_LENGTH = 200;

  /** Marks the gram standing for a whole value: {@code =} and a 16-bit hash in hex. */
  static final String WHOLE_VALUE_MARK = "=";

  private static final int SEP = '\n';
  private static final char[] HEX = "0123456789abcdef".toCharArray();
  private static final Pattern PHONE_LIKE = Pattern.compile("[+0-9 ().\\-/]*[0-9][+0-9 ().\\-/]*");
  private static final Pattern SPACES = Pattern.compile("\\s+");

  private SearchText() {}

  /** NFKC, lower case, control characters and white space runs as one space, trimmed. */
  public static String normalize(String text) {
    if (text == null) {
      return "";
    }
    if (isAscii(text)) {
      return normalizeAscii(text);
    }
    String folded = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    StringBuilder out = new StringBuilder(folded.length());
    folded.codePoints().forEach(c -> out.appendCodePoint(Character.isISOControl(c) ? ' ' : c));
    return SPACES.matcher(out).replaceAll(" ").strip();
  }

  /**
   * {@link #normalize} of a text of ASCII characters only, in one pass: NFKC leaves ASCII as it is,
   * so what remains is lower case, controls as spaces, runs of spaces as one, trimmed. Most names,
   * emails and phones of an import take this way.
   */
  static String normalizeAscii(String text) {
    StringBuilder out = new StringBuilder(text.length());
    boolean space = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c <= ' ' || c == 0x7f) {
        space = true;
        continue;
      }
      if (space && out.length() > 0) {
        out.append(' ');
      }
      space = false;
      out.append(c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c);
    }
    return out.toString();
  }

  private static boolean isAscii(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) >= 0x80) {
        return false;
      }
    }
    return true;
  }

  /**
   * What a user typed, as the term to look for: normalised, and for something that looks like a
   * phone number ("+852 2345-678") only its digits, since phones are stored as digits.
   */
  public static String queryTerm(String typed) {
    String term = normalize(typed);
    if (PHONE_LIKE.matcher(term).matches()) {
      term = digits(term);
    }
    return truncate(term);
  }

  static String digits(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= '0' && c <= '9') {
        out.append(c);
      }
    }
    return out.toString();
  }

  static String truncate(String value) {
    int count = value.codePointCount(0, value.length());
    return count <= MAX_VALUE_LENGTH ? value : value.substring(0, value.offsetByCodePoints(0, MAX_VALUE_LENGTH));
  }

  /**
   * Receives grams as code points, {@code length} of them from {@code start} of {@code points}, so
   * that storing them as keys needs no string per gram.
   */
  @FunctionalInterface
  interface GramSink {
    void gram(int[] points, int start, int length);

    /** A sink collecting each gram as a string (what tests and explanations show). */
    static GramSink into(Collection<String> out) {
      return (points, start, length) -> out.add(new String(points, start, length));
    }
  }

  /** Adds the grams of one normalised, non-empty value. */
  static void addGrams(String value, GramSink out) {
    int count = value.codePointCount(0, value.length());
    if (count == 0) {
      return;
    }
    // The value's code points between two separators; v[i] of the value is s[i + 1].
    int[] s = new int[count + 2];
    s[0] = SEP;
    for (int i = 0, j = 1; i < value.length(); j++) {
      int c = value.codePointAt(i);
      s[j] = c;
      i += Character.charCount(c);
    }
    s[count + 1] = SEP;
    // Which characters are CJK, looked up once per character rather than once per gram holding it.
    boolean[] cjk = new boolean[s.length];
    for (int i = 1; i < s.length - 1; i++) {
      cjk[i] = isCjk(s[i]);
    }
    for (int i = 0; i + 3 <= s.length; i++) {
      if (i == 0 || i + 3 == s.length || !(cjk[i] || cjk[i + 1] || cjk[i + 2])) {
        out.gram(s, i, 3);
      }
    }
    out.gram(s, 0, 2);
    out.gram(s, s.length - 2, 2);
    int[] whole = wholeValuePoints(value);
    out.gram(whole, 0, whole.length);
    for (int i = 1; i + DIGIT_GRAM <= count + 1; i++) {
      if (digits(s, i, DIGIT_GRAM)) {
        out.gram(s, i, DIGIT_GRAM);
      }
    }
    int[] word = {SEP, 0, 0};
    for (int i = 1; i <= count; i++) {
      if (cjk[i]) {
        out.gram(s, i, 1);
        if (i < count && cjk[i + 1]) {
          out.gram(s, i, 2);
        }
      }
      if (i > 1 && s[i - 1] == ' ' && s[i] != ' ') {
        word[1] = s[i];
        out.gram(word, 0, 2);
        if (i < count) {
          word[2] = s[i + 1];
          out.gram(word, 0, 3);
        }
      }
    }
  }

  /** Grams every value containing {@code term} has; empty when no gram can narrow the search. */
  static List<String> containsGrams(String term) {
    int[] q = term.codePoints().toArray();
    Set<String> out = new LinkedHashSet<>();
    if (q.length >= DIGIT_GRAM && digits(q, 0, q.length)) {
      for (int i = 0; i + DIGIT_GRAM <= q.length; i++) {
        out.add(new String(q, i, DIGIT_GRAM));
      }
      return List.copyOf(out);
    }
    for (int i = 0; i + 3 <= q.length; i++) {
      if (!hasCjk(q, i, 3)) {
        out.add(new String(q, i, 3));
      }
    }
    for (int i = 0; i + 2 <= q.length; i++) {
      if (isCjk(q[i]) && isCjk(q[i + 1])) {
        out.add(new String(q, i, 2));
      }
    }
    if (out.isEmpty()) {
      for (int c : q) {
        if (isCjk(c)) {
          out.add(new String(new int[] {c}, 0, 1));
        }
      }
    }
    return List.copyOf(out);
  }

  /**
   * Grams every value (or word) starting with {@code term} has: for one or two characters the one
   * marked gram that says exactly that, for more its first two characters marked plus its grams.
   */
  static List<String> prefixGrams(String term) {
    int[] q = term.codePoints().toArray();
    if (q.length <= 2) {
      return List.of(marked(q, 0, q.length));
    }
    Set<String> out = new LinkedHashSet<>();
    out.add(marked(q, 0, 2));
    out.addAll(containsGrams(term));
    return List.copyOf(out);
  }

  /** The one gram a value equal to {@code term} has. */
  static List<String> exactGrams(String term) {
    return List.of(wholeValueGram(term));
  }

  /**
   * A whole value as a 16-bit hash: one short key with a short posting list per bucket, rather
   * than one index entry per distinct value. Collisions only cost a re-check.
   */
  static String wholeValueGram(String value) {
    int[] points = wholeValuePoints(value);
    return new String(points, 0, points.length);
  }

  /** The characters of {@link #wholeValueGram}, as the index key is computed from them. */
  private static int[] wholeValuePoints(String value) {
    int h = value.hashCode();
    int bucket = (h ^ (h >>> 16)) & 0xffff;
    return new int[] {WHOLE_VALUE_MARK.charAt(0), HEX[bucket >>> 12], HEX[(bucket >>> 8) & 0xf], HEX[(bucket >>> 4) & 0xf],
        HEX[bucket & 0xf]};
  }

  /** {@code SEPARATOR} followed by {@code count} characters of {@code v} from {@code start}. */
  private static String marked(int[] v, int start, int count) {
    return SEPARATOR + new String(v, start, count);
  }

  private static boolean digits(int[] s, int start, int count) {
    for (int i = start; i < start + count; i++) {
      if (s[i] < '0' || s[i] > '9') {
        return false;
      }
    }
    return true;
  }

  private static boolean hasCjk(int[] s, int start, int count) {
    for (int i = start; i < start + count; i++) {
      if (isCjk(s[i])) {
        return true;
      }
    }
    return false;
  }

  /** Han, kana, Hangul and bopomofo: scripts written without spaces between words. */
  static boolean isCjk(int codePoint) {
    if (codePoint < 0x02EA) {
      return false; // below the two bopomofo tone marks, the first of these scripts' characters
    }
    Character.UnicodeScript script = Character.UnicodeScript.of(codePoint);
    return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
        || script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.HANGUL
        || script == Character.UnicodeScript.BOPOMOFO;
  }

  /**
   * The index keys of some normalised values: the {@link #key} of each of their grams, sorted and
   * each once. Stored as an {@code integer[]}: a GIN index of four-byte keys is cheaper to keep up
   * than one of short texts (a key compared as one integer, not with {@code memcmp} of a varlena),
   * and COPY parses numbers faster than quoted array elements. Two grams sharing a key cost only
   * rows re-checked on {@code search_text}.
   */
  static int[] indexKeys(Collection<String> values) {
    Keys keys = new Keys(values.size() * 32);
    values.forEach(v -> addGrams(v, keys));
    return keys.sortedDistinct();
  }

  /** The keys of a query's grams, to bind. */
  static Integer[] gramKeys(List<String> grams) {
    return grams.stream().map(SearchText::key).toArray(Integer[]::new);
  }

  /** The index key of one gram (see {@link #indexKeys(Collection)}). */
  static int key(String gram) {
    int[] points = gram.codePoints().toArray();
    return key(points, 0, points.length);
  }

  /**
   * MurmurHash3's mixing of the code points, the length as seed: short grams that differ in one
   * character spread over all 32 bits (a polynomial hash such as String's gives "Aa" and "BB"
   * the same value).
   */
  static int key(int[] points, int start, int length) {
    int h = length;
    for (int i = start; i < start + length; i++) {
      int k = points[i] * 0xcc9e2d51;
      k = Integer.rotateLeft(k, 15) * 0x1b873593;
      h ^= k;
      h = Integer.rotateLeft(h, 13) * 5 + 0xe6546b64;
    }
    h ^= h >>> 16;
    h *= 0x85ebca6b;
    h ^= h >>> 13;
    h *= 0xc2b2ae35;
    return h ^ (h >>> 16);
  }

  /** Gathers keys with repeats in a growing array; sorting then drops the repeats. */
  private static final class Keys implements GramSink {
    private int[] keys;
    private int size;

    Keys(int capacity) {
      keys = new int[Math.max(16, capacity)];
    }

    @Override
    public void gram(int[] points, int start, int length) {
      if (size == keys.length) {
        keys = java.util.Arrays.copyOf(keys, size * 2);
      }
      keys[size++] = key(points, start, length);
    }

    int[] sortedDistinct() {
      java.util.Arrays.sort(keys, 0, size);
      int distinct = 0;
      for (int i = 0; i < size; i++) {
        if (distinct == 0 || keys[distinct - 1] != keys[i]) {
          keys[distinct++] = keys[i];
        }
      }
      return java.util.Arrays.copyOf(keys, distinct);
    }
  }
}
