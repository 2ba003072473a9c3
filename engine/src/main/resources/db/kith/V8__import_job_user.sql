-- The user who started an import: the job's records are owned and created by them, and their
-- audit history names them. Null for jobs queued before this column existed (their records
-- stay without an owner, as before).
alter table kith.import_job add column user_id bigint references kith.app_user (id) on delete set null
