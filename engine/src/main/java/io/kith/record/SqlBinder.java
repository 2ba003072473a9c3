package io.kith.record;

import java.util.List;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;

/** Binds positional values, nulls included (a null needs its column's class). */
final class SqlBinder {

  /** A value with the class to bind when it is null. */
  record Value(Object value, Class<?> type) {}

  private SqlBinder() {}

  static GenericExecuteSpec bind(GenericExecuteSpec spec, List<Value> values) {
    for (int i = 0; i < values.size(); i++) {
      Value v = values.get(i);
      spec = v.value() == null ? spec.bindNull(i, v.type()) : spec.bind(i, v.value());
    }
    return spec;
  }
}
