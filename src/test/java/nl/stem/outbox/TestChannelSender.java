package nl.stem.outbox;

import java.time.Duration;
import java.time.Instant;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * A channel sender for tests, channel {@code testchan}: records every call with its time and answers
 * as scripted per recipient (default: Sent). Recipients are unique per test, so calls of one test
 * never mix with another's.
 */
@ApplicationScoped
public class TestChannelSender implements ChannelSender {
    public static final String CHANNEL = "testchan";

    /** One provider call as the sender saw it. */
    public record Call(long outboxId, String recipient, String payload, int attemptsBefore, Instant at) {
    }

    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final Map<String, Deque<Supplier<SendResult>>> scripts = new ConcurrentHashMap<>();
    private volatile double messagesPerSecond = 10_000;
    private volatile Duration perRecipientInterval = Duration.ZERO;

    @Override
    public String channel() {
        return CHANNEL;
    }

    @Override
    public double messagesPerSecond() {
        return messagesPerSecond;
    }

    @Override
    public Duration perRecipientInterval() {
        return perRecipientInterval;
    }

    @Override
    public SendResult send(OutboxMessage message) {
        calls.add(new Call(message.id, message.recipient, message.payload, message.attempts, Instant.now()));
        Deque<Supplier<SendResult>> script = scripts.get(message.recipient);
        Supplier<SendResult> next = script == null ? null : script.pollFirst();
        return next == null ? new SendResult.Sent("tc-" + message.id) : next.get();
    }

    /** The next calls for {@code recipient} answer these, in order; later calls answer Sent. */
    @SafeVarargs
    public final void script(String recipient, Supplier<SendResult>... answers) {
        scripts.computeIfAbsent(recipient, r -> new java.util.concurrent.ConcurrentLinkedDeque<>()).addAll(List.of(answers));
    }

    public static Supplier<SendResult> sent() {
        return () -> new SendResult.Sent(null);
    }

    public static Supplier<SendResult> retry(Duration after) {
        return () -> new SendResult.Retry(after, "test 429");
    }

    public static Supplier<SendResult> failed(boolean unreachable) {
        return () -> new SendResult.Failed(unreachable ? "test 403 blocked" : "test 400", unreachable);
    }

    public static Supplier<SendResult> throwing() {
        return () -> {
            throw new IllegalStateException("boom");
        };
    }

    public List<Call> calls(String recipient) {
        return calls.stream().filter(c -> c.recipient().equals(recipient)).toList();
    }

    public List<Call> callsTo(java.util.Collection<String> recipients) {
        return calls.stream().filter(c -> recipients.contains(c.recipient())).toList();
    }

    public void limits(double perSecond, Duration interval) {
        this.messagesPerSecond = perSecond;
        this.perRecipientInterval = interval;
    }

    public void reset() {
        limits(10_000, Duration.ZERO);
        scripts.clear();
    }

}
