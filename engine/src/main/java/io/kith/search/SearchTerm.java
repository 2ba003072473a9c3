package io.kith.search;

import java.util.List;

/**
 * What a typed query looks for, ready to bind: the normalised term, the substrings that prove each
 * rank in {@code search_text}, the label range of label prefixes, and the grams of each rank.
 */
record SearchTerm(
    String term,
    String exactText,
    String prefixText,
    String wordPrefixText,
    String labelFrom,
    String labelTo,
    List<String> exactGrams,
    List<String> prefixGrams,
    List<String> containsGrams) {

  /** Above every character: the end of a range of labels starting with the term. */
  private static final String MAX_CHAR = new String(Character.toChars(Character.MAX_CODE_POINT));

  /** The term for {@code typed}, or null when nothing searchable is left after normalising. */
  static SearchTerm of(String typed) {
    String term = SearchText.queryTerm(typed);
    if (term.isEmpty()) {
      return null;
    }
    String sep = SearchText.SEPARATOR;
    return new SearchTerm(term, sep + term + sep, sep + term, " " + term, term, term + MAX_CHAR,
        SearchText.exactGrams(term), SearchText.prefixGrams(term), SearchText.containsGrams(term));
  }
}
