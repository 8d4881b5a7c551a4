package nl.stem.panel.member;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

import javax.sql.DataSource;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import nl.stem.identity.Channel;
import nl.stem.worker.Jdbc;

/**
 * Finds panel members (respondents with a member id) for coordinators, ordered by member id so pages
 * are stable. Example: {@code search(MemberFilter.of(Map.of("channel", List.of("telegram"))))} gives the
 * first 50 Telegram members and how many there are.
 */
@ApplicationScoped
public class MemberDirectory {
    private static final String SELECT = """
            select r.member_id, r.channel, r.preferred_language, r.time_zone, r.consent_status, r.opted_out_at,
                   r.attributes::text as attributes, r.enrolled_at, ci.provider_id, ci.unreachable_at,
                   (select count(*) from wave_members wm where wm.respondent_id = r.id) as waves,
                   (select count(*) from sessions s where s.respondent_id = r.id and s.completed_at is not null
                      and not s.preview) as completed
            from respondents r
            left join lateral (select provider_id, unreachable_at from channel_identities ci
                               where ci.respondent_id = r.id and ci.channel = r.channel
                               order by ci.id desc limit 1) ci on true
            """;
    private static final TypeReference<TreeMap<String, String>> ATTRIBUTES = new TypeReference<>() {
    };

    @Inject
    DataSource db;
    @Inject
    ObjectMapper json;

    /** The page of members the filter asks for, with the total number of matches. */
    public MemberPage search(MemberFilter filter) {
        List<Object> params = new ArrayList<>();
        String where = where(filter, params);
        try (Connection c = db.getConnection()) {
            long total;
            try (PreparedStatement ps = prepare(c, "select count(*) from respondents r where " + where, params);
                 ResultSet rs = ps.executeQuery()) {
                rs.next();
                total = rs.getLong(1);
            }
            List<Object> paged = new ArrayList<>(params);
            paged.add(filter.limit());
            paged.add(filter.offset());
            List<Member> members = new ArrayList<>();
            try (PreparedStatement ps = prepare(c, SELECT + "where " + where + " order by r.member_id limit ? offset ?", paged);
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    members.add(member(rs));
                }
            }
            return new MemberPage(total, filter.limit(), filter.offset(), members);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not search members", e);
        }
    }

    /** The member with this member id. */
    public Optional<Member> find(String memberId) {
        try (Connection c = db.getConnection();
             PreparedStatement ps = prepare(c, SELECT + "where r.member_id = ?", List.of(memberId));
             ResultSet rs = ps.executeQuery()) {
            return rs.next() ? Optional.of(member(rs)) : Optional.empty();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read a member", e);
        }
    }

    /** The respondent id behind a member id. */
    public Optional<UUID> respondentId(String memberId) {
        try (Connection c = db.getConnection();
             PreparedStatement ps = prepare(c, "select id from respondents where member_id = ?", List.of(memberId));
             ResultSet rs = ps.executeQuery()) {
            return rs.next() ? Optional.of(rs.getObject(1, UUID.class)) : Optional.empty();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read a member", e);
        }
    }

    private String where(MemberFilter f, List<Object> params) {
        StringBuilder w = new StringBuilder("r.member_id is not null");
        if (f.q() != null) {
            String digits = f.q().replaceAll("[\\s\\-]", "");
            w.append(" and (r.member_id ilike ? or exists (select 1 from channel_identities q where q.respondent_id = r.id"
                    + " and q.provider_id like ?))");
            params.add(contains(f.q()));
            params.add(contains(digits.isEmpty() ? f.q() : digits));
        }
        if (f.channel() != null) {
            w.append(" and r.channel = ?");
            params.add(f.channel());
        }
        if (f.language() != null) {
            w.append(" and r.preferred_language = ?");
            params.add(f.language());
        }
        if (f.consent() != null) {
            w.append(" and r.consent_status = ?");
            params.add(f.consent());
        }
        if (f.status() != null) {
            w.append(f.status().equals("active") ? " and r.opted_out_at is null" : " and r.opted_out_at is not null");
        }
        if (!f.attributes().isEmpty()) {
            w.append(" and r.attributes @> cast(? as jsonb)");
            params.add(toJson(f.attributes()));
        }
        return w.toString();
    }

    /** A LIKE pattern for "contains", with LIKE's wildcards in the text taken literally. */
    private static String contains(String text) {
        return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    private Member member(ResultSet rs) throws SQLException {
        String channel = rs.getString("channel");
        String providerId = rs.getString("provider_id");
        String identity = providerId == null ? null
                : Channel.WHATSAPP.is(channel) ? WhatsAppNumber.fromProviderId(providerId) : providerId;
        return new Member(rs.getString("member_id"), channel, providerId == null ? Member.PENDING : Member.LINKED, identity,
                rs.getString("preferred_language"), rs.getString("time_zone"), rs.getString("consent_status"),
                Jdbc.instant(rs, "opted_out_at"), Jdbc.instant(rs, "unreachable_at"), attributes(rs.getString("attributes")),
                Jdbc.instant(rs, "enrolled_at"), rs.getLong("waves"), rs.getLong("completed"));
    }

    private Map<String, String> attributes(String text) {
        try {
            return json.readValue(text, ATTRIBUTES);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable member attributes", e);
        }
    }

    private String toJson(Map<String, String> attributes) {
        try {
            return json.writeValueAsString(attributes);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static PreparedStatement prepare(Connection c, String sql, List<Object> params) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        for (int i = 0; i < params.size(); i++) {
            ps.setObject(i + 1, params.get(i));
        }
        return ps;
    }
}
