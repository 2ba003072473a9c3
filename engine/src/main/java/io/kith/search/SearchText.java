package io.kith.search;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
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
 * <p>The grams of a value (the GIN-indexed array) are: every three characters of {@code SEPARATOR
 * + value + SEPARATOR} that either touch a separator or hold no CJK character; every one and two
 * CJK characters in a row; and the first one and two characters of each word, marked with the
 * separator; and every {@value #DIGIT_GRAM} digits in a row. A text contained in a value therefore
 * has all its own grams among the value's, which
 * is what the queries rely on; the database re-checks the exact condition on {@code search_text}.
 */
public final class SearchText {

  /** The version of the stored format; a change makes Kith fill every row's search columns again. */
  public static final String FORMAT = "2";

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

  /** Adds the grams of one normalised, non-empty value. */
  static void addGrams(String value, Collection<String> out) {
    int[] v = value.codePoints().toArray();
    if (v.length == 0) {
      return;
    }
    int[] s = new int[v.length + 2];
    s[0] = SEP;
    System.arraycopy(v, 0, s, 1, v.length);
    s[s.length - 1] = SEP;
    // Which characters are CJK, looked up once per character rather than once per gram holding it.
    boolean[] cjk = new boolean[s.length];
    for (int i = 1; i < s.length - 1; i++) {
      cjk[i] = isCjk(s[i]);
    }
    for (int i = 0; i + 3 <= s.length; i++) {
      if (i == 0 || i + 3 == s.length || !(cjk[i] || cjk[i + 1] || cjk[i + 2])) {
        out.add(new String(s, i, 3));
      }
    }
    out.add(new String(s, 0, 2));
    out.add(new String(s, s.length - 2, 2));
    out.add(wholeValueGram(value));
    for (int i = 0; i + DIGIT_GRAM <= v.length; i++) {
      if (digits(v, i, DIGIT_GRAM)) {
        out.add(new String(v, i, DIGIT_GRAM));
      }
    }
    for (int i = 0; i < v.length; i++) {
      if (cjk[i + 1]) {
        out.add(new String(v, i, 1));
        if (i + 1 < v.length && cjk[i + 2]) {
          out.add(new String(v, i, 2));
        }
      }
      if (i > 0 && v[i - 1] == ' ' && v[i] != ' ') {
        out.add(marked(v, i, 1));
        if (i + 1 < v.length) {
          out.add(marked(v, i, 2));
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
    int h = value.hashCode();
    int bucket = (h ^ (h >>> 16)) & 0xffff;
    char[] gram = {WHOLE_VALUE_MARK.charAt(0), HEX[bucket >>> 12], HEX[(bucket >>> 8) & 0xf], HEX[(bucket >>> 4) & 0xf],
        HEX[bucket & 0xf]};
    return new String(gram);
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
    Character.UnicodeScript script = Character.UnicodeScript.of(codePoint);
    return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
        || script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.HANGUL
        || script == Character.UnicodeScript.BOPOMOFO;
  }

  /** All grams of some normalised values, sorted. */
  static List<String> grams(Collection<String> values) {
    // Gathered with repeats, sorted, then each kept once: cheaper than a hash set for some 60 grams.
    List<String> all = new ArrayList<>(values.size() * 24);
    values.forEach(v -> addGrams(v, all));
    Collections.sort(all);
    List<String> out = new ArrayList<>(all.size());
    for (String gram : all) {
      if (out.isEmpty() || !out.get(out.size() - 1).equals(gram)) {
        out.add(gram);
      }
    }
    return out;
  }
}
