package nl.stem.panel.member;

import java.time.Instant;
import java.util.Map;

/**
 * A panel member as coordinators see it (never researchers: it shows the channel identity). Example:
 * <pre>
 * {"memberId": "M-001", "channel": "whatsapp", "link": "linked", "identity": "+31612345678",
 *  "language": "ar", "timeZone": null, "consent": "given", "optedOutAt": null, "unreachableAt": null,
 *  "attributes": {"region": "Utrecht"}, "enrolledAt": "2026-11-23T10:00:00Z", "waves": 2, "completedSessions": 1}
 * </pre>
 *
 * @param link          {@code linked}, or {@code pending} for a Telegram member who has not opened an invitation yet
 * @param identity      the WhatsApp number or the Telegram chat id; null while pending
 * @param timeZone      the IANA zone; null means Europe/Amsterdam
 * @param unreachableAt when the channel reported them unreachable (bot blocked, WhatsApp opt-out)
 * @param waves         waves they were invited to
 * @param completedSessions surveys they finished (preview sessions not counted)
 */
public record Member(String memberId, String channel, String link, String identity, String language, String timeZone,
                     String consent, Instant optedOutAt, Instant unreachableAt, Map<String, String> attributes,
                     Instant enrolledAt, long waves, long completedSessions) {
    static final String LINKED = "linked";
    static final String PENDING = "pending";
}
