package nl.stem.panel.member;

import static nl.stem.panel.member.Members.update;
import static nl.stem.panel.member.Members.value;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import javax.sql.DataSource;

import nl.stem.media.MediaStore;

/**
 * A panel member with everything Stem can hold about someone, all of it dated {@code at}: a WhatsApp
 * number and a Telegram chat, a completed session (raw state with free text) with a consent, a text
 * answer and a voice note (its own file), a pending media object without answer, a consent record, a
 * sent message, an invitation, a closed wave's membership and its contact. Every value is unique to
 * this member, so a search for it finds only them. Example: {@code Held.member(db, store, version, "a", now)}.
 */
record Held(String memberId, UUID respondentId, String pseudonym, String number, String chat, UUID session,
            UUID media, UUID pendingMedia, String file, byte[] fileBytes, String text, String message, long wave, String waveName) {

    static Held member(DataSource db, MediaStore store, long version, String label, Instant at) throws Exception {
        String memberId = Members.prefix() + label;
        String number = Members.number();
        Members.importCsv(Members.HEADER + memberId + ",whatsapp," + number + ",nl,Europe/Amsterdam,given,Utrecht,2019\n")
                .then().statusCode(200);
        UUID id = UUID.fromString(value(db, "select id::text from respondents where member_id = ?", memberId));
        Timestamp t = Timestamp.from(at);
        update(db, "update respondents set enrolled_at = ?, created_at = ? where id = ?", t, t, id);
        update(db, "update channel_identities set created_at = ?, last_inbound_at = ? where respondent_id = ?", t, t, id);
        String chat = String.valueOf(6_000_000_000L + (long) (Math.random() * 1_000_000_000L));
        update(db, "insert into channel_identities (respondent_id, channel, provider_id, created_at, last_inbound_at)"
                + " values (?, 'telegram', ?, ?, ?)", id, chat, t, t);
        String unique = UUID.randomUUID().toString().substring(0, 8);
        String text = "Ik woon in Utrecht-" + unique;
        UUID session = UUID.randomUUID();
        update(db, "insert into sessions (id, respondent_id, survey_version_id, channel, status, language, current_question, state,"
                + " started_at, updated_at, completed_at) values (?, ?, ?, 'telegram', 'completed', 'nl', null, cast(? as jsonb), ?, ?, ?)",
                session, id, version, "{\"status\":\"COMPLETED\",\"language\":\"nl\",\"answers\":{\"werk\":{\"kind\":\"TEXT\",\"text\":\""
                        + text + "\"}},\"selection\":[],\"reprompts\":0,\"confirmingDeletion\":false}", t, t, t);
        byte[] bytes = ("OggS voice of " + unique).getBytes(StandardCharsets.UTF_8);
        String file = store.put(new ByteArrayInputStream(bytes), 1000).sha256();
        UUID media = UUID.randomUUID();
        update(db, "insert into media_objects (id, respondent_id, channel, kind, mime_type, size_bytes, duration_seconds, provider_ref,"
                + " sha256, status, created_at, stored_at) values (?, ?, 'telegram', 'audio', 'audio/ogg', ?, 3, ?, ?, 'stored', ?, ?)",
                media, id, (long) bytes.length, "AwACref-" + unique, file, t, t);
        UUID pending = UUID.randomUUID();
        update(db, "insert into media_objects (id, respondent_id, channel, kind, provider_ref, status, created_at)"
                + " values (?, ?, 'telegram', 'video', ?, 'pending', ?)", pending, id, "BAADref-" + unique, t);
        answer(db, session, id, version, "consent", "consent", "{\"kind\":\"CONSENT\",\"choices\":[\"yes\"]}", "Ja", null, t);
        answer(db, session, id, version, "werk", "text", "{\"kind\":\"TEXT\",\"text\":\"" + text + "\"}", text, null, t);
        answer(db, session, id, version, "verhaal", "audio", "{\"kind\":\"MEDIA\"}", "media:audio", media, t);
        update(db, "insert into consent_records (respondent_id, session_id, survey_version_id, question_id, language, text_sha256,"
                + " decision, channel, at) values (?, ?, ?, 'consent', 'nl', ?, 'given', 'telegram', ?)",
                id, session, version, nl.stem.privacy.ConsentRecords.sha256("Doe je mee? " + unique), t);
        String message = "Dank je wel " + unique;
        long reply = Long.parseLong(value(db, "insert into outbox (channel, respondent_id, recipient, payload, status, next_attempt_at,"
                + " idempotency_key, created_at, sent_at) values ('telegram', ?, ?, cast(? as jsonb), 'sent', ?, ?, ?, ?) returning id",
                id, chat, "{\"kind\":\"NOTICE\",\"text\":\"" + message + "\",\"buttons\":[],\"rtl\":false}", t, UUID.randomUUID(), t, t));
        String token = UUID.randomUUID().toString().replace("-", "") + "abcdefghijk";
        String survey = value(db, "select survey_id from survey_versions where id = ?", version);
        update(db, "insert into invitations (token, respondent_id, survey_id, language, channel, created_at) values (?, ?, ?, 'nl', 'telegram', ?)",
                token, id, survey, t);
        String waveName = "Golf " + unique;
        long wave = Long.parseLong(value(db, "insert into waves (name, survey_version_id, status, invite_at, created_by, created_at, closed_at)"
                + " values (?, ?, 'closed', ?, 'test', ?, ?) returning id", waveName, version, t, t, t));
        update(db, "insert into wave_members (wave_id, respondent_id, channel, language, invitation_token, invite_outbox_id,"
                + " invited_at, session_id) values (?, ?, 'telegram', 'nl', ?, ?, ?, ?)", wave, id, token, reply, t, session);
        update(db, "insert into panel_contacts (respondent_id, wave_id, kind, at) values (?, ?, 'invitation', ?)", id, wave, t);
        String pseudonym = value(db, "select pseudonym from respondents where id = ?", id);
        return new Held(memberId, id, pseudonym, number, chat, session, media, pending, file, bytes, text, message, wave, waveName);
    }

    private static void answer(DataSource db, UUID session, UUID respondent, long version, String question, String type,
                               String valueJson, String raw, UUID media, Timestamp at) throws Exception {
        update(db, "insert into answers (session_id, respondent_id, survey_version_id, question_id, question_type, value, raw_text,"
                + " language, channel, ioi_tags, media_id, preview, answered_at) values (?, ?, ?, ?, ?, cast(? as jsonb), ?,"
                + " 'nl', 'telegram', '{work}', ?, false, ?)", session, respondent, version, question, type, valueJson, raw, media, at);
    }
}
