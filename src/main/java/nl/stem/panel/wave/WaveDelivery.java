package nl.stem.panel.wave;

import java.time.Instant;
import java.util.List;

/**
 * How a wave's messages fared, per channel: queued, sent, delivered, read, failed, cancelled, and
 * every failure (and every wait) by reason, with what it means and what to do. Example: whatsapp,
 * 250 sent, 350 queued of which 350 wait for the daily limit ("the next invitations go on 5 March
 * at 10:00"), 3 failed "no approved template for the member's language: configure
 * stem.twilio.templates.ti".
 */
public record WaveDelivery(long wave, List<Channel> channels) {

    /** A problem with its channel, for a page's one table. */
    public record ChannelProblem(String channel, Problem problem) {
    }

    /** Every channel's problems in one list. */
    public List<ChannelProblem> problems() {
        return channels.stream().flatMap(c -> c.problems().stream().map(p -> new ChannelProblem(c.channel(), p))).toList();
    }

    /** One channel's figures. {@code problems}: the failed and waiting messages by reason. */
    public record Channel(String channel, long queued, long sent, long delivered, long read, long failed, long cancelled,
                          List<Problem> problems) {
    }

    /**
     * A reason and its messages: {@code state} is {@code failed} or {@code waiting}; {@code reason}
     * the code ({@code no_template}), {@code detail} the language or provider code ({@code ti},
     * {@code 30003}), {@code meaning} and {@code todo} in words; {@code nextAt} when the first of
     * the waiting ones goes.
     */
    public record Problem(String state, String reason, String detail, long count, String meaning, String todo, Instant nextAt) {
    }
}
