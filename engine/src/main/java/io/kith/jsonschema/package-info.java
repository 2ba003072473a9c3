/**
 * The boundary to the networknt JSON Schema validator: compiling schemas once and turning its
 * errors into violations with JSON pointers. Used for metadata files and for record input alike.
 */
package io.kith.jsonschema;
