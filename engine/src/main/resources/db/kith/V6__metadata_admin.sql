-- Runtime metadata administration: what each revision did, in words ("add field", "revert to 12").
alter table kith.metadata_revision add column action text not null default 'put';
create index metadata_revision_kind_name_idx on kith.metadata_revision (kind, name, id);

-- Whether a stored value survives a type conversion unchanged: the cast succeeds and, for text and
-- numbers, casting back gives the same value (PostgreSQL silently truncates text and rounds numbers).
-- The target type comes from the field type registry, never from a request.
create or replace function kith.converts_losslessly(value text, target text) returns boolean language plpgsql stable as $fn$
declare converted text; begin execute format('select ($1::%s)::text', target) into converted using value; if target like 'character varying%' or target = 'text' then return converted = value; end if; if target like 'numeric%' or target in ('integer', 'bigint') then return converted::numeric = value::numeric; end if; return true; exception when others then return false; end $fn$;
