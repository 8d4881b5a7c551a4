-- Results a coordinator has published for a wave, behind an unguessable link (/results/<token>).
-- The token is kept as it is: it opens only aggregated, suppressed figures that are meant to be
-- public, and the coordinator needs the link again later (for the feedback message, say).
create table result_publications (
    id           bigserial primary key,
    wave_id      bigint      not null references waves (id) on delete cascade,
    token        text        not null unique check (token ~ '^[A-Za-z0-9_-]{32,64}$'),
    published_by text        not null,
    published_at timestamptz not null,
    revoked_at   timestamptz
);
-- At most one live link per wave.
create unique index result_publications_live on result_publications (wave_id) where revoked_at is null;

-- Open answers a researcher chose to show on the public page. Deleted with the answer (erasure).
create table result_quotes (
    answer_id bigint      primary key references answers (id) on delete cascade,
    marked_by text        not null,
    marked_at timestamptz not null
);
