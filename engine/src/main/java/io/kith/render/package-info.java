/**
 * View models for the generated pages, built from metadata and records: widgets per field,
 * displayed values, list and detail views, and conversion between records and HTML form fields.
 */
package io.kith.render;
