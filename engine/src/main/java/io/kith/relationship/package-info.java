/**
 * A record's relationships read from its own side: for every relationship entity type (one with a
 * {@code relationship} block) whose side fields refer to the record's type, the relationships the
 * record is on, each labelled the way its side reads ("Employer of" from the organization).
 */
package io.kith.relationship;
