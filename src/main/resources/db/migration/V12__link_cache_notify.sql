-- The redirect's link cache holds, with each link, what its program and the partner's enrollment
-- decide: where it goes, the fallback, the attribution window, whether it is live. Changes to
-- those tell every node which links to reload, on the channel the link trigger (V10) uses:
-- 'program:<workspace>:<program>' and 'enrollment:<workspace>:<program>:<partner>'.

create function program_link_cache_changed() returns trigger language plpgsql as $$
begin
    if new.default_destination is distinct from old.default_destination
       or new.fallback_destination is distinct from old.fallback_destination
       or new.attribution_window_days is distinct from old.attribution_window_days
       or new.archived_at is distinct from old.archived_at then
        perform pg_notify('tandem_link', 'program:' || new.workspace_id || ':' || new.id);
    end if;
    return null;
end $$;
create trigger program_link_cache_changed after update on program
    for each row execute function program_link_cache_changed();

-- an insert too: a link may exist before its partner's enrollment does (an import, a re-enrollment)
create function enrollment_link_cache_changed() returns trigger language plpgsql as $$
begin
    if tg_op = 'INSERT' or new.status is distinct from old.status then
        perform pg_notify('tandem_link',
            'enrollment:' || new.workspace_id || ':' || new.program_id || ':' || new.partner_id);
    end if;
    return null;
end $$;
create trigger enrollment_link_cache_changed after insert or update of status on enrollment
    for each row execute function enrollment_link_cache_changed();
