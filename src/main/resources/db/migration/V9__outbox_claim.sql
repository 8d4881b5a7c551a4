-- The outbox is a queue: rows go queued -> sending -> sent within a second, so its statistics go
-- stale within minutes and its partial indexes fill with dead entries. Stale statistics made the
-- planner scan every queued row and every sent row of a channel for each claim (seconds per claim
-- with a backlog). Analyse and vacuum it far more often than the defaults (20% of the table).
alter table outbox set (autovacuum_vacuum_scale_factor = 0.01, autovacuum_analyze_scale_factor = 0.01,
                        autovacuum_vacuum_insert_scale_factor = 0.01);

-- outbox_due_order (channel, priority, id) gives the claim its order; this one made the planner
-- read every due row of the channel and sort them.
drop index if exists outbox_due;
