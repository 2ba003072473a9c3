-- Settings an administrator changes in the browser, one text value per name (the theme colours
-- are theme.background, theme.header and theme.text). Values are checked by the feature that owns
-- the name before they are written, and again when read.
create table kith.setting (
  name text primary key check (name ~ '^[a-z][a-z0-9_.]{0,63}$'),
  value text not null check (length(value) <= 1000),
  updated_at timestamp with time zone not null default now(),
  updated_by bigint references kith.app_user (id) on delete set null
);
