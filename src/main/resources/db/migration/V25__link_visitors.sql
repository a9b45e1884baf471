-- A link's visitors: its clicks by humans, each visitor counted once an hour (bots and repeats
-- left out), since a moment or ever (null). One definition for the figure the pages show and the
-- order staff sort links by.
create function link_visitors(ws uuid, link uuid, since timestamptz) returns bigint
    language sql stable parallel safe
as $$
    select count(*) from click
    where workspace_id = ws and link_id = link and clicked_at >= coalesce(since, '-infinity')
      and not is_bot and not is_repeat
$$;

-- The link's clicks with the two flags in the index, so that counting them reads the index only.
-- With 1,000 links of 1,000 clicks each, sorting the program's links by visitors took 1.2-1.35 s
-- with click_link and 175 ms with this one, and the 50 counts of one page 46 ms against 10 ms;
-- the index is 16% larger (65 against 56 MB for the million clicks).
create index click_link_visitors on click (workspace_id, link_id, clicked_at) include (is_bot, is_repeat);
drop index click_link;
