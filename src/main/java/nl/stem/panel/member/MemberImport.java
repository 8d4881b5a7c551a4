package nl.stem.panel.member;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import nl.stem.db.Ids;
import nl.stem.identity.IdentityStore;
import nl.stem.api.audit.Audit;
import nl.stem.conversation.RespondentData;
import nl.stem.worker.Jdbc;

/**
 * Stores checked member rows, all or nothing, in a handful of set-based statements: the rows go to a
 * temporary table in batches, are checked against the database (a WhatsApp number of a member not in
 * this file is refused), and are then applied with one statement each for updates, inserts and
 * identities. Example: {@code store(rows, List.of(), 2, "coordinator-utrecht", now)} gives
 * {@code ImportResult(2, 1, 0, 1)} when one member is new and the other was imported before unchanged.
 * <p>
 * An existing member id is updated: channel, language, time zone, attributes and number become those
 * of the file; consent only when the file gives one; opting out and enrolment time stay. A WhatsApp
 * number that wrote to Stem before its owner was enrolled moves to the member (as a Telegram
 * invitation does); answers given before stay with the anonymous respondent.
 */
@ApplicationScoped
public class MemberImport {
    static final int BATCH = 5000;

    @Inject
    DataSource db;
    @Inject
    Audit audit;
    @Inject
    IdentityStore identities;
    @Inject
    ObjectMapper json;

    /**
     * Imports a member file as sent, for the API and the dashboard alike: reads and checks it, then
     * {@link #store stores} it. A bad header, an empty file or any rejected row throws
     * ({@link ImportRejected}, {@link nl.stem.api.StemException}) and stores nothing.
     */
    public ImportResult importFile(byte[] csv, String actor, Instant now) {
        MemberFile file = MemberFile.read(csv);
        MemberColumns columns = MemberColumns.of(file.header());
        if (file.rows().isEmpty()) {
            throw new nl.stem.api.StemException(nl.stem.api.ErrorCode.NO_MEMBERS, "The file has a header but no member rows");
        }
        MemberRows.Checked checked = MemberRows.check(file, columns);
        return store(checked.valid(), checked.rejected(), file.rows().size(), actor, now);
    }

    /**
     * Stores {@code valid} unless the database refuses some of them or {@code rejected} is not empty:
     * then nothing is stored and {@link ImportRejected} lists every rejected row.
     */
    @Transactional
    public ImportResult store(List<MemberRow> valid, List<RowProblem> rejected, int rows, String actor, Instant now) {
        try (Connection c = db.getConnection()) {
            // One import at a time: the checks below then hold until commit.
            query(c, "select pg_advisory_xact_lock(hashtext('stem.members.import'))");
            update(c, """
                    create temp table member_import (
                        line bigint not null, member_id text not null, channel text not null, provider_id text,
                        language text not null, time_zone text, consent text, attributes jsonb not null,
                        respondent_id uuid not null, pseudonym text not null,
                        existing boolean not null default false, changed boolean not null default false
                    ) on commit drop""");
            stage(c, valid);
            update(c, "create index on member_import (member_id)");
            update(c, "analyze member_import");
            update(c, "update member_import s set respondent_id = r.id, existing = true from respondents r where r.member_id = s.member_id");
            List<RowProblem> problems = new ArrayList<>(rejected);
            problems.addAll(numbersOfOtherMembers(c));
            if (!problems.isEmpty()) {
                problems.sort(Comparator.comparingLong(RowProblem::line));
                throw ImportRejected.rows(problems, rows);
            }
            ImportResult result = apply(c, rows, now);
            audit.record(actor, "members.import", null, counts(result));
            return result;
        } catch (SQLException e) {
            throw new IllegalStateException("Member import failed", e);
        }
    }

    private void stage(Connection c, List<MemberRow> rows) throws SQLException {
        String sql = """
                insert into member_import (line, member_id, channel, provider_id, language, time_zone, consent, attributes,
                                           respondent_id, pseudonym)
                select l, m, ch, p, lang, tz, cons, a::jsonb, id, ps
                from unnest(?::bigint[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                            ?::uuid[], ?::text[]) as t(l, m, ch, p, lang, tz, cons, a, id, ps)""";
        Set<String> pseudonyms = new HashSet<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int from = 0; from < rows.size(); from += BATCH) {
                List<MemberRow> batch = rows.subList(from, Math.min(rows.size(), from + BATCH));
                int n = batch.size();
                Long[] lines = new Long[n];
                String[] memberIds = new String[n];
                String[] channels = new String[n];
                String[] providerIds = new String[n];
                String[] languages = new String[n];
                String[] zones = new String[n];
                String[] consents = new String[n];
                String[] attributes = new String[n];
                UUID[] ids = new UUID[n];
                String[] names = new String[n];
                for (int i = 0; i < n; i++) {
                    MemberRow r = batch.get(i);
                    lines[i] = r.line();
                    memberIds[i] = r.memberId();
                    channels[i] = r.channel();
                    providerIds[i] = r.number() == null ? null : WhatsAppNumber.providerId(r.number());
                    languages[i] = r.language();
                    zones[i] = r.timeZone();
                    consents[i] = r.consent();
                    attributes[i] = toJson(r.attributes());
                    ids[i] = Ids.uuid();
                    names[i] = newPseudonym(pseudonyms);
                }
                ps.setArray(1, c.createArrayOf("int8", lines));
                ps.setArray(2, c.createArrayOf("text", memberIds));
                ps.setArray(3, c.createArrayOf("text", channels));
                ps.setArray(4, c.createArrayOf("text", providerIds));
                ps.setArray(5, c.createArrayOf("text", languages));
                ps.setArray(6, c.createArrayOf("text", zones));
                ps.setArray(7, c.createArrayOf("text", consents));
                ps.setArray(8, c.createArrayOf("text", attributes));
                ps.setArray(9, c.createArrayOf("uuid", ids));
                ps.setArray(10, c.createArrayOf("text", names));
                ps.executeUpdate();
            }
        }
    }

    /** Rows whose number belongs to a member who keeps it (a member not in this file). */
    private static List<RowProblem> numbersOfOtherMembers(Connection c) throws SQLException {
        List<RowProblem> problems = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("""
                select s.line, s.member_id, s.provider_id, owner.member_id
                from member_import s
                join channel_identities ci on ci.channel = 'whatsapp' and ci.provider_id = s.provider_id
                join respondents owner on owner.id = ci.respondent_id
                where owner.member_id is not null and owner.member_id <> s.member_id
                  and not exists (select 1 from member_import o where o.member_id = owner.member_id)""");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                problems.add(new RowProblem(rs.getLong(1), rs.getString(2), List.of("whatsapp_number "
                        + WhatsAppNumber.fromProviderId(rs.getString(3)) + " belongs to member '" + rs.getString(4) + "'")));
            }
        }
        return problems;
    }

    private ImportResult apply(Connection c, int rows, Instant now) throws SQLException {
        update(c, """
                update member_import s set changed = true from respondents r
                where r.id = s.respondent_id and s.existing and (
                    r.channel is distinct from s.channel
                    or r.preferred_language is distinct from s.language
                    or r.time_zone is distinct from s.time_zone
                    or r.attributes <> s.attributes
                    or (s.consent is not null and r.consent_status <> s.consent)
                    or r.enrolled_at is null
                    or exists (select 1 from channel_identities ci where ci.respondent_id = r.id and ci.channel = 'whatsapp'
                               and ci.provider_id is distinct from s.provider_id)
                    or (s.provider_id is not null and not exists (select 1 from channel_identities ci
                        where ci.respondent_id = r.id and ci.channel = 'whatsapp' and ci.provider_id = s.provider_id)))""");
        update(c, """
                update respondents r set channel = s.channel, preferred_language = s.language, time_zone = s.time_zone,
                    attributes = s.attributes, consent_status = coalesce(s.consent, r.consent_status),
                    enrolled_at = coalesce(r.enrolled_at, ?)
                from member_import s where s.existing and s.changed and r.id = s.respondent_id""", now);
        avoidPseudonymClashes(c);
        int created = update(c, """
                insert into respondents (id, pseudonym, preferred_language, status, created_at, member_id, channel, attributes,
                                         time_zone, consent_status, enrolled_at)
                select respondent_id, pseudonym, language, 'active', ?, member_id, channel, attributes, time_zone,
                       coalesce(consent, 'unknown'), ?
                from member_import where not existing""", now, now);
        identities.importWhatsAppNumbers(c, now);
        int updated = (int) count(c, "select count(*) from member_import where existing and changed");
        return new ImportResult(rows, created, updated, rows - created - updated);
    }

    /** Pseudonyms are random (48 bits); the rare one already taken is drawn again. */
    private static void avoidPseudonymClashes(Connection c) throws SQLException {
        Set<String> drawn = new HashSet<>();
        while (true) {
            List<Long> clashes = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "select s.line from member_import s join respondents r on r.pseudonym = s.pseudonym where not s.existing");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    clashes.add(rs.getLong(1));
                }
            }
            if (clashes.isEmpty()) {
                return;
            }
            for (Long line : clashes) {
                update(c, "update member_import set pseudonym = ? where line = ?", newPseudonym(drawn), line);
            }
        }
    }

    private static String newPseudonym(Set<String> taken) {
        String p;
        do {
            p = RespondentData.newPseudonym();
        } while (!taken.add(p));
        return p;
    }

    private static Map<String, Object> counts(ImportResult r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("rows", r.rows());
        m.put("created", r.created());
        m.put("updated", r.updated());
        m.put("unchanged", r.unchanged());
        return m;
    }

    private String toJson(Map<String, String> attributes) {
        try {
            return json.writeValueAsString(attributes);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int update(Connection c, String sql, Object... params) throws SQLException {
        return Jdbc.update(c, sql, params);
    }

    private static void query(Connection c, String sql) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            rs.next();
        }
    }

    private static long count(Connection c, String sql) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
