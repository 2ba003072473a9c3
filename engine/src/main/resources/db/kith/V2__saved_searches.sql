-- Saved searches: a name and a query document (the one query model, see schemas/query.schema.json)
-- for one entity type. Private ones are seen by their owner only; shared ones by everybody.
-- owner is null until login exists (every search then belongs to "anonymous").
create table kith.saved_search (
  id bigint generated always as identity primary key,
  entity text not null,
  name text not null check (length(name) between 1 and 100),
  query jsonb not null,
  owner bigint,
  shared boolean not null default false,
  created_at timestamp with time zone not null default now(),
  updated_at timestamp with time zone not null default now(),
  constraint saved_search_name_unique unique nulls not distinct (entity, name, owner)
);

create index saved_search_entity on kith.saved_search (entity, name);
