package io.kith.importing;

import io.kith.i18n.KithLocale;
import io.kith.validation.FieldError;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import reactor.core.publisher.Mono;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A dry run: the whole file through the same batches, lookups and record checks as a job, with
 * nothing written. Shows the first rows as they would be stored, each with its result, and the
 * counts for the whole file.
 */
final class Preview {

  static final int ROWS_SHOWN = 20;

  private final BatchPlanner planner;
  private final int batchSize;

  Preview(BatchPlanner planner, int batchSize) {
    this.planner = planner;
    this.batchSize = batchSize;
  }

  Mono<ObjectNode> run(ImportContext context, Path file, BiFunction<FieldError, KithLocale, String> messages,
      KithLocale locale) {
    Map<Outcome.Action, Long> counts = new EnumMap<>(Outcome.Action.class);
    for (Outcome.Action a : Outcome.Action.values()) {
      counts.put(a, 0L);
    }
    List<Outcome> shown = new ArrayList<>();
    SeenKeys fileKeys = new SeenKeys();
    return Mono.usingWhen(FileReader.open(file, context.layout(), 0),
            reader -> batches(context, reader, fileKeys, counts, shown),
            reader -> Blocking.call(() -> {
              reader.close();
              return true;
            }))
        .then(Mono.fromSupplier(() -> {
          ObjectNode out = JsonNodeFactory.instance.objectNode();
          out.put("dryRun", true);
          ObjectNode totals = out.putObject("counts");
          totals.put("rows", counts.values().stream().mapToLong(Long::longValue).sum());
          totals.put("create", counts.get(Outcome.Action.CREATE)).put("update", counts.get(Outcome.Action.UPDATE))
              .put("skip", counts.get(Outcome.Action.SKIP)).put("invalid", counts.get(Outcome.Action.FAIL));
          ArrayNode rows = out.putArray("rows");
          for (Outcome o : shown) {
            ObjectNode row = rows.addObject();
            row.put("row", o.row().number(context.layout().header()));
            row.put("action", o.action().name().toLowerCase(java.util.Locale.ROOT));
            row.set("record", o.body());
            ArrayNode errors = row.putArray("errors");
            o.errors().forEach(e -> errors.addObject().put("field", e.field()).put("code", e.code())
                .put("message", messages.apply(e, locale)));
          }
          return out;
        }));
  }

  private Mono<Void> batches(ImportContext context, FileReader reader, SeenKeys fileKeys,
      Map<Outcome.Action, Long> counts, List<Outcome> shown) {
    // One batch per subscription, repeated: memory holds one batch, however long the file.
    Mono<Boolean> batch = Mono.defer(() -> reader.next(batchSize)).flatMap(rows -> rows.isEmpty() ? Mono.just(false)
        : planner.plan(context.snapshot(), context.profile(), context.converter(), rows, fileKeys, BatchPlanner.InFlight.NONE)
            .doOnNext(plan -> plan.outcomes().forEach(o -> {
              counts.merge(o.action(), 1L, Long::sum);
              if (shown.size() < ROWS_SHOWN) {
                shown.add(o);
              }
            }))
            .thenReturn(true));
    return batch.repeat().takeWhile(more -> more).then();
  }
}
