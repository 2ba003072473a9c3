package io.kith.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kith.fieldtype.FieldTypes;
import io.kith.metadata.EntityDef;
import io.kith.metadata.MetadataLoader;
import io.kith.metadata.MetadataSnapshot;
import io.kith.metadata.MetadataSource;
import io.kith.query.LenientQuery.Part;
import io.kith.testing.ApiClient;
import io.kith.testing.MetadataFolders;
import io.kith.validation.RecordValidationException;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/**
 * Reading a stored query leniently: what today's metadata refuses is left out (the innermost
 * condition around each problem, groups left empty with it) and listed; the rest is kept.
 */
class LenientQueryTest {

  private static final ZoneId ZONE = ZoneId.of("Asia/Hong_Kong");
  private final MetadataSnapshot snapshot = new MetadataLoader()
      .load(new MetadataSource(MetadataFolders.resource("metadata-query").toString()).read(), 1);
  private final EntityDef item = snapshot.entity("item").orElseThrow();
  private final QueryReader reader = new QueryReader(new FieldTypes(ZONE), ZONE);

  private LenientQuery read(String json) {
    return reader.readLenient(snapshot, item, ApiClient.parse(json));
  }

  @Test
  void aValidQueryLosesNothing() {
    LenientQuery read = read("{\"filter\": {\"field\": \"title\", \"op\": \"contains\", \"value\": \"x\"}}");
    assertThat(read.dropped()).isEmpty();
    assertThat(read.query().filter()).isInstanceOf(Filter.Condition.class);
  }

  @Test
  void dropsTheInnermostConditionAndEmptiedGroups() {
    LenientQuery read = read("""
        {"filter": {"or": [
           {"field": "title", "op": "contains", "value": "apple"},
           {"and": [{"field": "gone", "op": "eq", "value": 1}]},
           {"field": "colour", "op": "eq", "value": "purple"},
           {"field": "parts", "op": "any", "value": {"and": [
              {"field": "part_name", "op": "eq", "value": "stem"},
              {"field": "old_child", "op": "eq", "value": 2}]}}]},
         "sort": ["gone", "code"], "columns": ["code", "gone"]}""");
    assertThat(read.dropped()).extracting(LenientQuery.Dropped::path).containsExactlyInAnyOrder(
        "filter.or[1].and[0]", "filter.or[2]", "filter.or[3].value.and[1]", "sort[0]", "columns[1]");
    assertThat(read.dropped()).extracting(LenientQuery.Dropped::part)
        .contains(Part.CONDITION, Part.SORT, Part.COLUMN);
    assertThat(read.json().toString())
        .isEqualTo("{\"filter\":{\"or\":[{\"field\":\"title\",\"op\":\"contains\",\"value\":\"apple\"},"
            + "{\"field\":\"parts\",\"op\":\"any\",\"value\":{\"and\":[{\"field\":\"part_name\",\"op\":\"eq\",\"value\":\"stem\"}]}}]},"
            + "\"sort\":[\"code\"],\"columns\":[\"code\"]}");
    assertThat(read.query().sort()).extracting(s -> s.name()).containsExactly("code");
    assertThat(read.query().columns()).containsExactly("code");
  }

  @Test
  void aFilterWithNothingLeftMeansAllRecords() {
    LenientQuery read = read("{\"filter\": {\"and\": [{\"field\": \"gone\", \"op\": \"empty\"}]}, \"size\": 5000}");
    assertThat(read.query().filter()).isNull();
    assertThat(read.query().size()).isEqualTo(Query.DEFAULT_SIZE);
    assertThat(read.dropped()).extracting(LenientQuery.Dropped::describe).containsExactly("gone empty", "5000");
  }

  @Test
  void somethingThatIsNotAQueryIsStillRefused() {
    assertThatThrownBy(() -> read("[1, 2]")).isInstanceOf(RecordValidationException.class);
  }
}
