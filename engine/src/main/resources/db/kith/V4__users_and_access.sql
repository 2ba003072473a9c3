-- Users, roles and the credentials they sign in with. Sessions and tokens live here (not in one
-- instance's memory) so every instance on the database accepts them; only hashes are stored.
create table kith.app_user (
  id bigint generated always as identity primary key,
  login text not null check (login ~ '^[a-z0-9][a-z0-9._@-]{1,63}$'),
  name text not null check (length(name) between 1 and 200),
  email text,
  phone text,
  position text,
  password_hash text not null,
  must_change_password boolean not null default false,
  active boolean not null default true,
  created_at timestamp with time zone not null default now(),
  updated_at timestamp with time zone not null default now(),
  constraint app_user_login_unique unique (login)
);

-- A role's permissions are one JSON document (schemas/role.schema.json): per entity type the
-- actions, the record scope and hidden or read-only fields.
create table kith.role (
  id bigint generated always as identity primary key,
  name text not null check (name ~ '^[a-z][a-z0-9_]{0,39}$'),
  label text not null,
  administrator boolean not null default false,
  permissions jsonb not null default '{}',
  created_at timestamp with time zone not null default now(),
  updated_at timestamp with time zone not null default now(),
  constraint role_name_unique unique (name)
);

create table kith.user_role (
  user_id bigint not null references kith.app_user (id) on delete cascade,
  role_id bigint not null references kith.role (id) on delete restrict,
  primary key (user_id, role_id)
);

create table kith.user_session (
  token_hash bytea primary key,
  user_id bigint not null references kith.app_user (id) on delete cascade,
  created_at timestamp with time zone not null default now(),
  expires_at timestamp with time zone not null
);
create index user_session_user on kith.user_session (user_id);

create table kith.access_token (
  id bigint generated always as identity primary key,
  user_id bigint not null references kith.app_user (id) on delete cascade,
  name text not null check (length(name) between 1 and 100),
  token_hash bytea not null unique,
  created_at timestamp with time zone not null default now(),
  last_used_at timestamp with time zone,
  revoked_at timestamp with time zone
);
create index access_token_user on kith.access_token (user_id);

-- Failed sign-ins, for throttling by login name and by client address.
create table kith.login_failure (
  login text not null,
  address text not null,
  at timestamp with time zone not null default now()
);
create index login_failure_login on kith.login_failure (login, at);
create index login_failure_address on kith.login_failure (address, at);

-- Records shared with users beyond their owner (the "own plus shared with me" scope).
create table kith.record_share (
  entity text not null,
  record_id bigint not null,
  user_id bigint not null references kith.app_user (id) on delete cascade,
  shared_by bigint references kith.app_user (id),
  shared_at timestamp with time zone not null default now(),
  primary key (entity, record_id, user_id)
);
create index record_share_user on kith.record_share (user_id, entity);

-- Two roles to start from: administrators may do everything; staff work with every record
-- type (no deleting, no metadata administration).
insert into kith.role (name, label, administrator, permissions) values
  ('administrator', 'Administrator', true, '{}'),
  ('staff', 'Staff', false,
   '{"*": {"actions": ["view", "create", "edit", "deactivate", "import", "export"], "scope": "all"}}');
