-- Import profiles saved through the API: a named document checked against
-- metadata/schemas/import-profile.schema.json (shipped profiles live in metadata/imports/).
create table kith.import_profile (
  id bigint generated always as identity primary key,
  name text not null unique,
  body jsonb not null,
  created_at timestamp with time zone not null default now(),
  updated_at timestamp with time zone not null default now()
);

-- One import of one uploaded file. rows_done and the counts change in the same transaction as
-- the batch of records they describe, so after a crash the job resumes exactly where it stopped.
-- A worker claims a job with FOR UPDATE SKIP LOCKED and keeps its heartbeat fresh; a job whose
-- heartbeat is older than the lease is taken over by any instance.
create table kith.import_job (
  id bigint generated always as identity primary key,
  entity text not null,
  profile_name text,
  profile jsonb not null,
  layout jsonb not null,
  file_path text not null,
  file_name text,
  status text not null default 'queued'
    check (status in ('queued', 'running', 'completed', 'cancelled', 'failed')),
  total_rows bigint not null,
  rows_done bigint not null default 0,
  created bigint not null default 0,
  updated bigint not null default 0,
  skipped bigint not null default 0,
  failed bigint not null default 0,
  worker text,
  heartbeat timestamp with time zone,
  error text,
  created_at timestamp with time zone not null default now(),
  started_at timestamp with time zone,
  finished_at timestamp with time zone
);

create index import_job_open on kith.import_job (id) where status in ('queued', 'running');

-- Rows that could not be imported, with the original cells and the errors (codes and arguments;
-- messages are rendered in the reader's language when the CSV is downloaded).
create table kith.import_failure (
  job_id bigint not null references kith.import_job (id) on delete cascade,
  row_index bigint not null,
  cells text[] not null,
  errors jsonb not null,
  primary key (job_id, row_index)
)
