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
          .onBeforeMethod(info -> safely(() -> method(info)))
          .onBeforeQuery(info -> safely(() -> query(info)))
          .build();
    }
    return bean;
  }

  /** A recording fault must never break the statement being recorded; it is reported instead. */
  private void safely(Runnable listener) {
    try {
      listener.run();
    } catch (RuntimeException e) {
      System.err.println("SqlRecorder could not record a statement: " + e);
    }
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
      return requestOnly(ops);
    }
  }

  /**
   * What the request itself sent: without Kith's own tables (the sign-in look-up, which is
   * remembered between requests anyway, and the import worker's polling, which runs beside any
   * request), and without transaction markers that enclose nothing or were cut by the recording
   * window (replaying an unfinished transaction would hold its locks on the direct connection).
   */
  private static List<Op> requestOnly(List<Op> ops) {
    List<Op> out = new ArrayList<>();
    for (Op op : ops) {
      if (op instanceof Sql sql && sql.sql().contains("kith.")) {
        continue;
      }
      if (op instanceof Commit || op instanceof Rollback) {
        if (!out.isEmpty() && out.get(out.size() - 1) instanceof Begin) {
          out.remove(out.size() - 1);
          continue;
        }
      }
      out.add(op);
    }
    int open = 0;
    for (Op op : out) {
      open += op instanceof Begin ? 1 : op instanceof Commit || op instanceof Rollback ? -1 : 0;
    }
    while (open-- > 0) {
      out.add(new Commit());
    }
    return List.copyOf(out);
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
        int size = indexed.stream().mapToInt(b -> (Integer) b.getKey() + 1).max().orElse(0);
        Object[] values = new Object[size];
        Class<?>[] nullTypes = new Class<?>[size];
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
