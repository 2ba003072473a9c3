/**
 * What every write and query path reports when input is refused: field errors with stable codes;
 * and the record-level checks the metadata declares beyond single fields, cross-field rules and
 * dependent option lists, with the computed expressions evaluated alongside them.
 */
package io.kith.validation;
