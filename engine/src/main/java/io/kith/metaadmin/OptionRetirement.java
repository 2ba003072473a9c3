package io.kith.metaadmin;

import io.kith.metadata.MetadataKind;
import io.kith.metadata.MetadataWriter;
import io.kith.metadata.OptionDef;
import io.kith.metadata.OptionList;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * An option removed from a list while records still hold its code is not deleted but kept
 * inactive (records keep showing it; new input cannot choose it), and the change needs
 * confirmation. Options no record uses are simply removed.
 */
final class OptionRetirement {

  /** The changes as they will be made, and what the administrator must confirm. */
  record Retirement(List<ItemChange> changes, List<String> confirmations) {}

  private final StoredData data;

  OptionRetirement(StoredData data) {
    this.data = data;
  }

  Mono<Retirement> retireUsed(EffectiveModel base, List<ItemChange> changes, Sentences text) {
    List<String> confirmations = new ArrayList<>();
    return Flux.fromIterable(changes).concatMap(change -> {
      OptionList old = change.item().kind() == MetadataKind.OPTION_LIST && !change.deletes()
          ? base.snapshot().optionLists().get(change.item().name()) : null;
      if (old == null || !change.body().path("options").isArray()) {
        return Mono.just(change);
      }
      Set<String> kept = new HashSet<>();
      change.body().get("options").forEach(o -> kept.add(o.path("code").asString("")));
      List<OptionDef> removed = old.options().stream().filter(o -> !kept.contains(o.code())).toList();
      return Flux.fromIterable(removed)
          .concatMap(option -> data.optionUses(base.snapshot(), old.name(), option.code())
              .filter(uses -> !uses.isEmpty())
              .map(uses -> {
                confirmations.add(text.get("option_deactivated", option.code(), old.name(), String.join(", ", uses)));
                return option;
              }))
          .collectList()
          .map(used -> used.isEmpty() ? change : new ItemChange(change.item(), keepInactive(change.body(), old, used)));
    }).collectList().map(done -> new Retirement(done, confirmations));
  }

  private static ObjectNode keepInactive(ObjectNode body, OptionList old, List<OptionDef> used) {
    ObjectNode copy = body.deepCopy();
    ArrayNode options = (ArrayNode) copy.get("options");
    JsonNode written = MetadataWriter.optionList(old).get("options");
    for (OptionDef option : used) {
      for (JsonNode node : written) {
        if (node.get("code").asString().equals(option.code())) {
          options.add(((ObjectNode) node.deepCopy()).put("active", false));
        }
      }
    }
    return copy;
  }
}
