package io.kith.metaadmin;

import java.util.List;
import java.util.function.Function;
import reactor.core.publisher.Mono;

/**
 * A change to the model as an administrator asked for it.
 *
 * @param action what it does, in words, stored with its revisions ("add field volunteer_shift.notes")
 * @param edit the new bodies of the items it changes, worked out from the current model (again,
 *     should another instance change the model meanwhile)
 * @param dryRun validate and plan only
 * @param confirm the administrator accepts retiring fields or types and converting columns
 * @param userId who asks, or null
 * @param text the sentences of the answer, in the language of who asks
 */
record ChangeRequest(String action, Function<EffectiveModel, Mono<List<ItemChange>>> edit, boolean dryRun,
    boolean confirm, Long userId, Sentences text) {}
