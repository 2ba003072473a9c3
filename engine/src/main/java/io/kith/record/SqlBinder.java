package io.kith.record;

import io.kith.query.Bind;
import java.util.List;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;

/** Binds positional values, nulls included (a null needs its column's class). */
final class SqlBinder {

  private SqlBinder() {}

  static GenericExecuteSpec bind(GenericExecuteSpec spec, List<Bind> values) {
    for (int i = 0; i < values.size(); i++) {
      Bind v = values.get(i);
      spec = v.value() == null ? spec.bindNull(i, v.type()) : spec.bind(i, v.value());
    }
    return spec;
  }
}
