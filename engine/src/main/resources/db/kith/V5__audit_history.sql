-- Audit history: one row per change to a record, written in the same transaction as the change.
-- changes is a JSON array of {field, old, new} with values as the API shows them (codes, ids; a
-- collection's old and new rows). user_id is null while requests are anonymous. Rows are kept when
-- their record is deleted (there is deliberately no foreign key to the entity tables).
create table kith.record_history (
  id bigint generated always as identity primary key,
  entity text not null,
  record_id bigint not null,
  action text not null check (action in
    ('create', 'update', 'deactivate', 'reactivate', 'delete', 'owner_change', 'share')),
  user_id bigint,
  at timestamp with time zone not null default now(),
  changes jsonb not null default '[]'::jsonb check (jsonb_typeof(changes) = 'array')
);

create index record_history_record on kith.record_history (entity, record_id, at desc, id desc);

-- Whether a user appears in history (such a user may only be deactivated, not deleted).
create index record_history_user on kith.record_history (user_id) where user_id is not null;
