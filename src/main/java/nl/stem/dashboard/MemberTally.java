package nl.stem.dashboard;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Classifies every member of a wave once (AAPOR case, delivered, started, completed, where they
 * stopped) and counts them in one statement, for the whole wave and per language, channel,
 * attribute value and stopping question ({@code GROUPING SETS}); the median completion time is of
 * the whole wave only (null in the other groups). Example:
 * {@code MemberTally.count(connection, 7, thresholds, "region")}.
 */
final class MemberTally {
    /** Bits of {@code grouping(channel, language, attribute, stopped_at)}: 1 = not grouped by it. */
    static final int WHOLE_WAVE = 0b1111;
    static final int BY_CHANNEL = 0b0111;
    static final int BY_LANGUAGE = 0b1011;
    static final int BY_ATTRIBUTE = 0b1101;
    static final int BY_STOP = 0b1110;

    /*
     * Case codes (state them wherever a rate is shown; the wave page does):
     * with a session: consent refused -> R; else share = answered / applicable (0 when applicable = 0):
     *   share >= complete -> I, >= partial -> P, else R (break-off). Open sessions count by their answers so far.
     * without a session: opted out at or after the invitation -> R; delivered -> NC; otherwise UO.
     * The comparisons multiply instead of divide, so 4 of 5 against 0.8 is exact.
     */
    private static final String SQL = """
            with fact as (
                select wm.channel,
                       coalesce(wm.language, '') as language,
                       coalesce(r.attributes ->> ?::text, '') as attribute,
                       r.opted_out_at >= wm.invited_at as opted_out,
                       s.id is not null as started,
                       s.completed_at is not null as completed,
                       s.status in ('new', 'choosing_language', 'active', 'paused') as in_progress,
                       s.status = 'refused' as refused,
                       s.answered, s.applicable,
                       case when s.id is not null and s.completed_at is null then coalesce(s.current_question, '') end as stopped_at,
                       extract(epoch from s.completed_at - s.started_at) as seconds,
                       s.id is not null
                           or (wm.channel = 'telegram' and o.status = 'sent')
                           or (wm.channel = 'whatsapp' and o.delivery_status in ('delivered', 'read'))
                           or i.used_at is not null as delivered
                from wave_members wm
                join respondents r on r.id = wm.respondent_id
                left join sessions s on s.id = wm.session_id
                left join outbox o on o.id = wm.invite_outbox_id
                left join invitations i on i.token = wm.invitation_token
                where wm.wave_id = ?
            ), member as (
                select f.*,
                       case
                           when f.started then case
                               when f.refused then 'R'
                               when f.applicable > 0 and f.answered >= ?::numeric * f.applicable then 'I'
                               when f.applicable > 0 and f.answered >= ?::numeric * f.applicable then 'P'
                               else 'R' end
                           when f.opted_out then 'R'
                           when f.delivered then 'NC'
                           else 'UO'
                       end as category
                from fact f
            )
            select grouping(channel, language, attribute, stopped_at) as grouped,
                   coalesce(channel, language, attribute, stopped_at) as key,
                   count(*) as invited,
                   count(*) filter (where delivered) as delivered,
                   count(*) filter (where started) as started,
                   count(*) filter (where completed) as completed,
                   count(*) filter (where category = 'I') as complete,
                   count(*) filter (where category = 'P') as partial,
                   count(*) filter (where category = 'R') as refusal,
                   count(*) filter (where category = 'NC') as non_contact,
                   count(*) filter (where category = 'UO') as unknown,
                   count(*) filter (where category = 'R' and started and not refused) as break_offs,
                   count(*) filter (where in_progress) as in_progress,
                   -- the median for the whole wave only: an ordered-set aggregate per grouping set doubles the cost
                   case when grouping(channel, language, attribute, stopped_at) = 15
                        then (select percentile_cont(0.5) within group (order by seconds) from fact) end as median_seconds
            from member
            group by grouping sets ((), (channel), (language), (attribute), (stopped_at))
            """;

    private MemberTally() {
    }

    /** One tally per group; {@code attribute} may be null (its groups then come back as one, unused). */
    static List<Grouped> count(Connection c, long waveId, Thresholds thresholds, String attribute) throws SQLException {
        List<Grouped> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(SQL)) {
            ps.setString(1, attribute);
            ps.setLong(2, waveId);
            ps.setBigDecimal(3, thresholds.complete());
            ps.setBigDecimal(4, thresholds.partial());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    int grouped = rs.getInt("grouped");
                    String key = rs.getString("key");
                    if (grouped == BY_STOP && key == null) {
                        continue; // members who did not stop part-way: not a drop-off
                    }
                    double median = rs.getDouble("median_seconds");
                    Double medianOrNull = rs.wasNull() ? null : median;
                    out.add(new Grouped(grouped, new GroupTally(key, rs.getLong("invited"), rs.getLong("delivered"),
                            rs.getLong("started"), rs.getLong("completed"), rs.getLong("complete"), rs.getLong("partial"),
                            rs.getLong("refusal"), rs.getLong("non_contact"), rs.getLong("unknown"), rs.getLong("break_offs"),
                            rs.getLong("in_progress"), medianOrNull)));
                }
            }
        }
        return out;
    }

    /** A tally and the grouping set it belongs to ({@link #WHOLE_WAVE}, {@link #BY_CHANNEL}, ...). */
    record Grouped(int set, GroupTally tally) {
    }
}
