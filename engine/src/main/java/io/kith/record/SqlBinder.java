package io.kith.record;

import io.kith.query.Bind;
import io.r2dbc.spi.Parameters;
import java.util.ArrayList;
import java.util.List;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;

/**
 * Binds positional values, nulls included (a null needs its column's class), {@code int[]} as the
 * driver's {@code Integer[]}. All values are bound
 * in one call: binding them one by one copies the spec's bindings each time, which is quadratic
 * for the multi-row statements of bulk writes.
 */
final class SqlBinder {

  private SqlBinder() {}

  static GenericExecuteSpec bind(GenericExecuteSpec spec, List<Bind> values) {
    if (values.isEmpty()) {
      return spec;
    }
    List<Object> parameters = new ArrayList<>(values.size());
    for (Bind v : values) {
      parameters.add(v.value() == null ? Parameters.in(v.type())
          : v.value() instanceof int[] keys ? boxed(keys) : v.value());
    }
    return spec.bindValues(parameters);
  }

  /** The driver binds {@code integer[]} from {@code Integer[]} only (quick-search keys are held as {@code int[]}). */
  private static Integer[] boxed(int[] values) {
    Integer[] out = new Integer[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = values[i];
    }
    return out;
  }
}
