-- Deleting a row that others point at "on delete cascade / set null" looks those others up by the
-- pointing column; without an index that is a scan of the whole table per deleted row. Erasing a
-- member (their media, sessions and invitations) must not scan every answer or wave member.
create index media_objects_respondent on media_objects (respondent_id);
create index answers_media on answers (media_id) where media_id is not null;
create index wave_members_session on wave_members (session_id) where session_id is not null;
create index wave_members_invitation on wave_members (invitation_token) where invitation_token is not null;
create index panel_contacts_wave on panel_contacts (wave_id);
create index dashboard_sessions_token on dashboard_sessions (token_id);
-- V6.1 created these again under other names (V2's outbox_recipient_open and outbox_recipient_sent);
-- every queued message paid for both copies.
drop index outbox_chat_pending;
drop index outbox_chat_sent;
