package nl.stem.conversation;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import nl.stem.engine.Input;
import nl.stem.engine.SessionState;

/**
 * Whether the last message Stem sent a respondent on a channel failed for good: the provider refused
 * it (a documented permanent error), the sender gave up after its attempts, or the provider reported
 * it failed or undelivered afterwards. Then the respondent never saw the question they are expected to
 * answer, and whatever they write next is not an answer to it: the service asks that question again
 * instead of reading their message as its answer, so no answer is recorded against a question that
 * was never seen. Commands (stop, delete, language, ...) and button taps still go to the engine as
 * they are: a tap is on a message that did arrive, and "stop" must always work.
 *
 * <p>One indexed look-up per message ({@code outbox_recipient (respondent_id, id)}), read backwards
 * until the newest row of the channel.
 */
@ApplicationScoped
class LostReply {
    /** Delivery statuses Twilio reports for a message that will never arrive. */
    private static final Set<String> LOST_DELIVERY = Set.of("failed", "undelivered", "needs_template");

    @Inject
    Sql sql;

    /** True when the newest outbox row to this respondent on {@code channel} failed for good. */
    boolean lastFailed(UUID respondentId, String channel) {
        return sql.run(c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    select status, delivery_status from outbox where respondent_id = ? and channel = ?
                    order by id desc limit 1""")) {
                ps.setObject(1, respondentId);
                ps.setString(2, channel);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return false;
                    }
                    String delivery = rs.getString(2);
                    return "failed".equals(rs.getString(1)) || (delivery != null && LOST_DELIVERY.contains(delivery));
                }
            }
        });
    }

    /**
     * What the engine should see for {@code in} on a session under way: the respondent's own input,
     * or a request to show where they are ({@code Input.Start} mid-session asks the current question
     * again, resuming a pause) when their typed text or media cannot be an answer to a question they
     * never received. The database is asked only for such input.
     */
    Input forEngine(Inbound in, UUID respondentId, SessionState state, Predicate<Input> isCommand) {
        Input input = in.input();
        boolean couldAnswer = input instanceof Input.Text || input instanceof Input.Media;
        if (!couldAnswer || state == null || state.confirmingDeletion() || isCommand.test(input)
                || !lastFailed(respondentId, in.channel())) {
            return input;
        }
        return new Input.Start(null, null);
    }
}
