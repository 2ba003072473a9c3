/**
 * Audit history of records: who changed what and when, with a field-level diff, written in the
 * same transaction as the change ({@link io.kith.audit.HistoryWriter}) and read newest first with
 * the fields a viewer may not see left out ({@link io.kith.audit.HistoryReader}). Who made a change
 * travels in the Reactor context ({@link io.kith.audit.Actor}), filled per request from the one
 * {@link io.kith.security.CurrentUser} seam, so the write paths need no extra parameters.
 */
package io.kith.audit;
