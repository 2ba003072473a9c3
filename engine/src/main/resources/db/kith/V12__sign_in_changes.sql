-- Every instance keeps the users behind sessions and access tokens in memory (io.kith.security.SignInCache)
-- and lets go of all of them when anything they were built from changes: PostgreSQL notifies channel
-- kith_sign_ins when such a change commits, whichever instance or tool made it. One notification per
-- statement; marking a token used (last_used_at) and starting a session change nothing cached.
-- (The body is one line: migrations are split into statements at a semicolon that ends a line.)
create function kith.notify_sign_ins() returns trigger language plpgsql as
  $$ begin perform pg_notify('kith_sign_ins', ''); return null; end $$;

create trigger app_user_sign_ins after update or delete on kith.app_user
  for each statement execute function kith.notify_sign_ins();
create trigger role_sign_ins after update or delete on kith.role
  for each statement execute function kith.notify_sign_ins();
create trigger user_role_sign_ins after insert or update or delete on kith.user_role
  for each statement execute function kith.notify_sign_ins();
create trigger user_session_sign_ins after update or delete on kith.user_session
  for each statement execute function kith.notify_sign_ins();
create trigger access_token_sign_ins after update of user_id, token_hash, revoked_at or delete on kith.access_token
  for each statement execute function kith.notify_sign_ins();
