package io.kith.record;

import io.kith.query.Bind;
import io.r2dbc.spi.Parameters;
import java.util.ArrayList;
import java.util.List;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;

/**
 * Binds positional values, nulls included (a null needs its column's class). All values are bound
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
      parameters.add(v.value() == null ? Parameters.in(v.type()) : v.value());
    }
    return spec.bindValues(parameters);
  }
}
