-- Files uploaded for file fields (activity attachments), stored in the database. A record's file
-- field holds the id. uploaded_by limits who may attach a file not yet on a record; downloads are
-- checked against the record holding the file, never against this table alone.
create table kith.file (
  id bigint generated always as identity primary key,
  name text not null,
  content_type text not null,
  size bigint not null check (size >= 0),
  content bytea not null,
  uploaded_by bigint,
  uploaded_at timestamp with time zone not null default now()
);
