-- What a wave's members answered, per question and value, for the results: kept by the same
-- statement triggers as wave_answer_counts, in the same transactions as the answers, so a wave's
-- results read a few hundred rows instead of its million answers. The value is the answer's JSON
-- without its free text and media reference (a choice, a set of choices, a number, a kind such
-- as SKIPPED), so free-text answers fold into one row per kind. Spread over 16 buckets by session,
-- like wave_answer_counts, so concurrent answers to one question rarely wait for each other.
create table wave_answer_values (
    wave_id     bigint   not null references waves (id) on delete cascade,
    question_id text     not null,
    value       jsonb    not null,
    bucket      smallint not null,
    answers     bigint   not null,
    media       bigint   not null,
    primary key (wave_id, question_id, value, bucket)
);

-- An answer's value without its free text and media reference (anything but an object is kept whole).
create function wave_answer_value(v jsonb) returns jsonb language sql immutable parallel safe as $$
    select case when jsonb_typeof(v) = 'object' then v - 'text' - 'media' else v end
$$;

create or replace function wave_answer_counts_apply() returns trigger language plpgsql as $$
begin
    if tg_op in ('UPDATE', 'DELETE') then
        update wave_answer_counts c
        set answers = c.answers - d.answers, media = c.media - d.media
        from (select wave_id, question_id, (hashtext(session_id::text) & 15)::smallint as bucket,
                     count(*) as answers, count(media_id) as media
              from removed where wave_id is not null
              group by 1, 2, 3) d
        where c.wave_id = d.wave_id and c.question_id = d.question_id and c.bucket = d.bucket;
        update wave_answer_values c
        set answers = c.answers - d.answers, media = c.media - d.media
        from (select wave_id, question_id, wave_answer_value(value) as value, (hashtext(session_id::text) & 15)::smallint as bucket,
                     count(*) as answers, count(media_id) as media
              from removed where wave_id is not null
              group by 1, 2, 3, 4) d
        where c.wave_id = d.wave_id and c.question_id = d.question_id and c.value = d.value and c.bucket = d.bucket;
    end if;
    if tg_op in ('UPDATE', 'INSERT') then
        insert into wave_answer_counts as c (wave_id, question_id, bucket, answers, media)
        select wave_id, question_id, (hashtext(session_id::text) & 15)::smallint, count(*), count(media_id)
        from added
        where wave_id is not null and exists (select 1 from waves w where w.id = added.wave_id)
        group by 1, 2, 3
        order by 1, 2, 3
        on conflict (wave_id, question_id, bucket)
        do update set answers = c.answers + excluded.answers, media = c.media + excluded.media;
        insert into wave_answer_values as c (wave_id, question_id, value, bucket, answers, media)
        select wave_id, question_id, wave_answer_value(value), (hashtext(session_id::text) & 15)::smallint, count(*), count(media_id)
        from added
        where wave_id is not null and exists (select 1 from waves w where w.id = added.wave_id)
        group by 1, 2, 3, 4
        order by 1, 2, 3, 4
        on conflict (wave_id, question_id, value, bucket)
        do update set answers = c.answers + excluded.answers, media = c.media + excluded.media;
    end if;
    return null;
end $$;

insert into wave_answer_values (wave_id, question_id, value, bucket, answers, media)
select wave_id, question_id, wave_answer_value(value), (hashtext(session_id::text) & 15)::smallint, count(*), count(media_id)
from answers
where wave_id is not null
group by 1, 2, 3, 4;
