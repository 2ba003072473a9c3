package io.kith.metadata;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

class DisplayNameTemplateTest {

  private static String render(String template, Map<String, String> values) {
    return DisplayNameTemplate.of(template).render(null, values::get);
  }

  @Test
  void runsOfWhitespaceBecomeOneSpaceAndSingleOnesStay() {
    assertEquals("Ms Mary Chan", render("{prefix} {first} {last}", Map.of("prefix", "Ms", "first", "Mary", "last", "Chan")));
    assertEquals("Mary Chan", render("{prefix} {first} {last}", Map.of("first", "Mary", "last", "Chan")));
    assertEquals("Mary Chan", render("{first}   {last}", Map.of("first", "Mary", "last", "Chan")));
    assertEquals("Mary\tChan", render("{first}\t{last}", Map.of("first", "Mary", "last", "Chan")));
    assertEquals("Mary Chan", render("{first} \t\n {last}", Map.of("first", "Mary", "last", "Chan")));
    assertEquals("陳 大文", render("{last}  {first}", Map.of("first", "大文", "last", "陳")));
  }

  @Test
  void separatorsLeftByAnEmptyPlaceholderGo() {
    assertEquals("Chan", render("{last}, {first}", Map.of("last", "Chan")));
    assertEquals("Mary", render("{last}, {first}", Map.of("first", "Mary")));
    assertEquals("", render("{last}, {first}", Map.of()));
  }

  @Test
  void collapseSpacesMatchesTheRegexItReplaces() {
    for (String text : new String[] {"", " ", "  ", "a", "a b", "a  b", " a  b ", "a\t\tb", "a \u000B b", "\f\f", "a\rb", "x  y   z"}) {
      assertEquals(text.replaceAll("\\s{2,}", " "), DisplayNameTemplate.collapseSpaces(text), "for [" + text + "]");
    }
  }
}
