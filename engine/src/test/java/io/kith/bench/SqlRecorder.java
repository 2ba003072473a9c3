package io.kith.bench;

import io.r2dbc.proxy.ProxyConnectionFactory;
import io.r2dbc.proxy.core.Binding;
import io.r2dbc.proxy.core.BoundValue;
import io.r2dbc.proxy.core.MethodExecutionInfo;
import io.r2dbc.proxy.core.QueryExecutionInfo;
import io.r2dbc.proxy.core.QueryInfo;
import io.r2dbc.spi.ConnectionFactory;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Records what the engine sends to PostgreSQL while one request runs: every statement with its
 * bound values, and where transactions begin and end, so {@link SqlReplay} can send exactly the same
 * to the database directly. Wraps the application's connection factory with r2dbc-proxy; while not
 * recording it only checks one field per event.
 *
 * <p>Deliberately not a {@code @Configuration}: only the search benchmark passes it to Spring.
 */
public final class SqlRecorder implements BeanPostProcessor {

  /** One thing sent to the database. */
  sealed interface Op permits Begin, Commit, Rollback, Sql {}

  record Begin() implements Op {}

  record Commit() implements Op {}

  record Rollback() implements Op {}

  /** A statement and its values by index; a null value is bound as a null of {@code nullTypes[i]}. */
  record Sql(String sql, Object[] values, Class<?>[] nullTypes) implements Op {}

  private volatile List<Op> recording;

  @Override
  public Object postProcessAfterInitialization(Object bean, String beanName) {
    if (bean instanceof ConnectionFactory factory && !beanName.startsWith("bench")) {
      return ProxyConnectionFactory.builder(factory)
          .onBeforeMethod(this::method)
          .onBeforeQuery(this::query)
          .build();
    }
    return bean;
  }

  /** Runs {@code work} (one request, nothing else running) and returns what it sent. */
  List<Op> record(Runnable work) {
    List<Op> ops = new ArrayList<>();
    recording = ops;
    try {
      work.run();
    } finally {
      recording = null;
    }
    synchronized (ops) {
      return List.copyOf(ops);
    }
  }

  private void method(MethodExecutionInfo info) {
    List<Op> ops = recording;
    if (ops == null) {
      return;
    }
    Op op = switch (info.getMethod().getName()) {
      case "beginTransaction" -> new Begin();
      case "commitTransaction" -> new Commit();
      case "rollbackTransaction" -> new Rollback();
      default -> null;
    };
    if (op != null) {
      synchronized (ops) {
        ops.add(op);
      }
    }
  }

  private void query(QueryExecutionInfo info) {
    List<Op> ops = recording;
    if (ops == null) {
      return;
    }
    for (QueryInfo query : info.getQueries()) {
      if (query.getBindingsList().isEmpty()) {
        add(ops, new Sql(query.getQuery(), new Object[0], new Class<?>[0]));
      }
      query.getBindingsList().forEach(bindings -> {
        List<Binding> indexed = new ArrayList<>(bindings.getIndexBindings());
        Object[] values = new Object[indexed.size()];
        Class<?>[] nullTypes = new Class<?>[indexed.size()];
        for (Binding binding : indexed) {
          int index = (Integer) binding.getKey();
          BoundValue value = binding.getBoundValue();
          values[index] = value.isNull() ? null : value.getValue();
          nullTypes[index] = value.isNull() ? value.getNullType() : null;
        }
        add(ops, new Sql(query.getQuery(), values, nullTypes));
      });
    }
  }

  private static void add(List<Op> ops, Op op) {
    synchronized (ops) {
      ops.add(op);
    }
  }
}
