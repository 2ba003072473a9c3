/**
 * Who may do what: the permissions of a signed-in user, merged from their roles into one
 * immutable {@link io.kith.access.Access} per request. Every channel (API, pages, search,
 * autocomplete, export, import) asks the same object, so they cannot disagree.
 */
package io.kith.access;
