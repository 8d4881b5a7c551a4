package nl.stem.panel.wave;

import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;

/**
 * A coordinator's new wave. Example:
 * <pre>{"name": "Werk, november", "survey": "toegang_tot_werk", "inviteAt": "2026-11-24T10:00:00Z",
 *  "reminderHours": [48, 120], "filter": {"channel": "whatsapp", "attributes": {"region": "Utrecht"}}}</pre>
 *
 * @param name          shown on the dashboard
 * @param survey        the survey id; the wave asks its newest version
 * @param inviteAt      when the invitations go (null: now); each member's is moved out of quiet hours
 * @param reminderHours hours after the invitation for each reminder, increasing (null: none)
 * @param members       member ids to invite (null: every member the filter selects)
 * @param filter        which members (null: all)
 * @param quietHours    this wave's quiet hours in each member's time zone (null: {@code stem.panel.quiet-hours})
 * @param idempotencyKey 8-64 characters of A-Za-z0-9_-, optional: the same key launches one wave only
 * @param dryRun        true: queue nothing, answer what a launch would do ({@link DryRun})
 */
public record WaveRequest(String name, String survey, Instant inviteAt, List<Integer> reminderHours, List<String> members,
                          Filter filter, Quiet quietHours, String idempotencyKey, Boolean dryRun) {
    public WaveRequest(String name, String survey, Instant inviteAt, List<Integer> reminderHours, List<String> members,
                       Filter filter, Quiet quietHours, String idempotencyKey) {
        this(name, survey, inviteAt, reminderHours, members, filter, quietHours, idempotencyKey, null);
    }

    /** Whether this is a dry run. */
    public boolean isDryRun() {
        return Boolean.TRUE.equals(dryRun);
    }

    /** Quiet hours, e.g. {@code {"start": "21:00", "end": "09:00"}}; equal times: none. */
    public record Quiet(LocalTime start, LocalTime end) {
    }

    /** Members of a channel, a language and with attribute values (all must hold); nulls select all. */
    public record Filter(String channel, String language, Map<String, String> attributes) {
    }
}
