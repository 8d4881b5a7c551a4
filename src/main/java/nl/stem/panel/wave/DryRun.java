package nl.stem.panel.wave;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * What a launch would do, with nothing queued ({@code POST /api/waves} with {@code "dryRun": true}).
 * Example: 600 WhatsApp members on a new number (limit 250): schedule 250 on day 1, 250 on day 2,
 * 100 on day 3; cost 600 marketing templates to +31 at 0.1597 USD = 95.82 USD.
 *
 * @param invited          members a launch would invite
 * @param byChannel        of them, per channel
 * @param links            Telegram members not linked yet, who would get a link to hand out
 * @param excluded         members left out, by reason (as {@link LaunchReport#excluded()})
 * @param members          the member ids a launch would invite
 * @param leftOut          every member left out, with the reason
 * @param schedule         invitations per day (in {@code stem.panel.default-time-zone}) and channel
 * @param lastInvitationAt when the last invitation would go
 * @param cost             the estimated provider cost of the invitations
 * @param problems         what would make the launch refuse (missing templates, no one to invite); empty: it would launch
 */
public record DryRun(int invited, Map<String, Integer> byChannel, int links, Map<String, Integer> excluded, List<String> members,
                     List<LeftOut> leftOut, List<Day> schedule, Instant lastInvitationAt, Cost cost, List<String> problems) {

    /** A member left out and why, e.g. {@code M0007, opted_out}. */
    public record LeftOut(String member, String reason) {
    }

    /**
     * One day's invitations on one channel: {@code templates} of them open a conversation (count
     * toward the daily limit, and cost), the rest go to members whose window is open. {@code first}
     * and {@code last}: when the day's first and last invitation go.
     */
    public record Day(LocalDate date, String channel, int invitations, int templates, Instant first, Instant last) {
    }

    /**
     * The provider cost of the invitations (template messages per category and country calling
     * code, times {@code stem.twilio.prices.<category>.<code>}). {@code total} leaves out lines
     * without a configured price ({@code unpriced}). Each reminder to a member who has not answered
     * costs a template more: {@code withRemindersAtMost}.
     */
    public record Cost(String currency, List<CostLine> lines, BigDecimal total, int unpriced, BigDecimal withRemindersAtMost) {
        /** The total as written, e.g. {@code 94.2230}. */
        public String totalText() {
            return total.toPlainString();
        }

        /** The most with reminders as written. */
        public String withRemindersAtMostText() {
            return withRemindersAtMost.toPlainString();
        }
    }

    /** Template messages of one channel, category and country calling code, e.g. whatsapp, marketing, 31, 600 x 0.1597 = 95.82. */
    public record CostLine(String channel, String category, int countryCode, int messages, BigDecimal price, BigDecimal amount) {
    }
}
