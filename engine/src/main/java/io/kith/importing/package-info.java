/**
 * CSV imports into any entity type: streaming reading of uploaded files (encoding, delimiter and
 * header detected or chosen), column mapping with suggestions from field names and labels in every
 * language, import profiles (JSON Schema-checked, stored in {@code kith.import_profile}), duplicate
 * handling, a dry-run preview, and background jobs that commit in batches, record their progress in
 * {@code kith.import_job} and resume after a crash. Every row goes through the record service's
 * own checks ({@link io.kith.record.BulkRecords}); nothing here validates records a second way.
 */
package io.kith.importing;
