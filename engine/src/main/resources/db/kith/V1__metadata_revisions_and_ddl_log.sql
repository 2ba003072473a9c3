-- Kith's own tables live in schema "kith", apart from the generated entity tables in "public".
create extension if not exists pg_trgm;

-- Admin changes to the model, stored as revisions on top of the shipped metadata files.
create table kith.metadata_revision (
  id bigint generated always as identity primary key,
  kind text not null,
  name text not null,
  body jsonb,
  diff jsonb,
  created_at timestamp with time zone not null default now(),
  created_by bigint
);

-- Every schema plan applied, for the audit trail of DDL.
create table kith.ddl_log (
  id bigint generated always as identity primary key,
  applied_at timestamp with time zone not null default now(),
  statements text[] not null
);
