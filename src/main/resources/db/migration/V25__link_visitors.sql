-- A link's visitors: its clicks by humans, each visitor counted once an hour (bots and repeats
-- left out), since a moment or ever (null). One definition for the figure the pages show and the
-- order staff sort links by; each call is one scan of click_link for the link.
create function link_visitors(ws uuid, link uuid, since timestamptz) returns bigint
    language sql stable parallel safe
as $$
    select count(*) from click
    where workspace_id = ws and link_id = link and clicked_at >= coalesce(since, '-infinity')
      and not is_bot and not is_repeat
$$;
