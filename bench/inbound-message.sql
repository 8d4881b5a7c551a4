-- pgbench script: the SQL one inbound Telegram message costs in Stem (ConversationService.handle),
-- in one transaction: de-duplicate the update, lock the respondent, read the latest session, store
-- the answer, save the session's new state, queue the reply. Needs bench/pgbench-setup.sql first and
-- -D respondents=N -D svid=<survey_versions.id of bench_pgbench>.
-- pgbench substitutes ":word" even inside string literals, so the JSON below has ": " after keys
-- and \u003a for colons inside strings.
-- Stem joins the channel-identity lookup into the respondent's lock and upserts the answer; left
-- out here: that join, and the outbox sender's claim and record of each reply.
\set n random(1, :respondents)
\set msg random(1, 9000000000000000000)
begin;
insert into inbound_messages (channel, provider_message_id)
values ('telegram', 'pgbench-' || :client_id || '-' || :msg) on conflict do nothing;
select id, pseudonym, preferred_language, status from respondents
where id = md5('stem-bench-r' || :n)::uuid for update;
select id, respondent_id, survey_version_id, channel, status, language, current_question, state, preview,
       started_at, updated_at, completed_at
from sessions where respondent_id = md5('stem-bench-r' || :n)::uuid order by started_at desc limit 1;
insert into answers (session_id, respondent_id, survey_version_id, question_id, question_type, value, raw_text,
                     language, channel, ioi_tags, preview, answered_at)
values (md5('stem-bench-s' || :n)::uuid, md5('stem-bench-r' || :n)::uuid, :svid, 'q' || :msg, 'scale',
        '{"kind": "NUMBER", "number": 4}', '٤', 'ar', 'telegram', '{work.employment_status, links.service_knowledge}',
        false, now())
on conflict (session_id, question_id) do nothing;
update sessions
set state = '{"status": "ACTIVE", "language": "ar", "currentQuestion": "help_gem", "answers": {"consent": {"kind": "CONSENT", "text": "yes"}, "help_vwn": {"kind": "NUMBER", "number": 4}}, "selection": [], "reprompts": 0, "confirmingDeletion": false, "startedAt": "2026-01-01T10\u003a00\u003a00Z", "updatedAt": "2026-01-01T10\u003a00\u003a09Z"}',
    status = 'active', language = 'ar', current_question = 'help_gem', updated_at = now()
where id = md5('stem-bench-s' || :n)::uuid;
insert into outbox (channel, respondent_id, recipient, priority, payload, status, next_attempt_at, idempotency_key, created_at)
values ('telegram', md5('stem-bench-r' || :n)::uuid, '' || (100000000 + :n), 0,
        '{"kind": "QUESTION", "questionId": "help_gem", "text": "كيف ساعدك الشخص المسؤول عنك في البلدية في إيجاد عمل مدفوع الأجر؟\n\n١ = ساعدني بشكل سيئ جدا … ٥ = ساعدني بشكل جيد جدا", "buttons": [{"payload": "a\u003ahelp_gem\u003a1", "label": "١"}, {"payload": "a\u003ahelp_gem\u003a2", "label": "٢"}, {"payload": "a\u003ahelp_gem\u003a3", "label": "٣"}, {"payload": "a\u003ahelp_gem\u003a4", "label": "٤"}, {"payload": "a\u003ahelp_gem\u003a5", "label": "٥"}, {"payload": "a\u003ahelp_gem\u003ana", "label": "لا ينطبق"}], "rtl": true}',
        'queued', now(), gen_random_uuid(), now());
commit;
