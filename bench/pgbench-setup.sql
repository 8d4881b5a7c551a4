-- Prepares the rows bench/inbound-message.sql works on, in the service's database after the load
-- (or any database with Stem's schema): a survey version of its own and :respondents respondents,
-- each with one session. Ids are derived from a number (md5 -> uuid) so the pgbench script can pick
-- a random respondent with \set alone.
-- psql -v ON_ERROR_STOP=1 -v respondents=2000 -f bench/pgbench-setup.sql
insert into surveys (id) values ('bench_pgbench') on conflict do nothing;
insert into survey_versions (survey_id, version, checksum, sources, published_by)
values ('bench_pgbench', 1, 'bench-pgbench', '{"note":"rows for the pgbench part of bench/run.sh"}', 'bench')
on conflict do nothing;

insert into respondents (id, pseudonym, preferred_language)
select md5('stem-bench-r' || n)::uuid, 'bench-pg-' || n, 'ar'
from generate_series(1, :respondents) n
on conflict do nothing;

insert into sessions (id, respondent_id, survey_version_id, channel, status, language, current_question,
                      state, preview, started_at, updated_at)
select md5('stem-bench-s' || n)::uuid, md5('stem-bench-r' || n)::uuid,
       (select id from survey_versions where survey_id = 'bench_pgbench' and version = 1),
       'telegram', 'active', 'ar', 'help_vwn',
       '{"status":"ACTIVE","language":"ar","currentQuestion":"help_vwn","answers":{"consent":{"kind":"CONSENT","text":"yes"}},"selection":[],"reprompts":0,"confirmingDeletion":false,"startedAt":"2026-01-01T10:00:00Z","updatedAt":"2026-01-01T10:00:05Z"}',
       false, now(), now()
from generate_series(1, :respondents) n
on conflict do nothing;

analyze respondents;
analyze sessions;
