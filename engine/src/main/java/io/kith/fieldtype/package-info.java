/**
 * Per-field-type behaviour behind one interface, {@link io.kith.fieldtype.FieldTypeSupport}: SQL
 * column, JSON Schema of values, conversions between JSON, columns and form strings, and the widget.
 * Adding a field type means one record in {@code FieldType} and one support class here.
 */
package io.kith.fieldtype;
