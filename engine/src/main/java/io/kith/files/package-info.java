/**
 * Uploaded files for file fields, stored in the database ({@code kith.file}, bytea): upload with a
 * size limit, and the content served only through a record that holds the file.
 */
package io.kith.files;
