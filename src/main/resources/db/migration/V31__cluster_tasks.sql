-- Work that one of several instances does for all at start-up (issue 17), such as registering the
-- Telegram webhook: when it was done last, and a hash of the settings it was done with, so the
-- other instances starting in the same deploy skip it. Holds no personal data.
create table cluster_tasks (
    name        text primary key,
    fingerprint text        not null,
    done_at     timestamptz not null
);
