package nl.stem.outbox;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.jboss.logging.Logger;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import nl.stem.outbox.ChannelSender.SendResult;
import nl.stem.text.LogSafe;
import nl.stem.worker.Backoff;
import nl.stem.worker.WorkerLoop;

/**
 * Drains the outbox for every {@link ChannelSender} bean; rows of channels without one (the browser
 * preview) are left alone.
 *
 * <p><b>How.</b> One drain loop per instance claims due rows in a short transaction ({@code FOR UPDATE
 * SKIP LOCKED}, replies before bulk, only the oldest unsent row per chat, no chat sent to within its
 * per-recipient interval), marks them {@code sending} and commits; each is then sent on a pool of
 * {@code stem.outbox.concurrency} threads per channel (so a channel working through a backlog never
 * starves another) under the channel's token bucket, which every instance shares ({@link SendBuckets}),
 * and its outcome recorded in
 * a new short transaction. The loop wakes right after a conversation commits ({@link OutboxQueued}),
 * when a send completes, when a retry falls due, and on the {@code stem.outbox.poll-interval} fallback
 * (which also picks up rows queued by other instances and recovers stuck rows).
 *
 * <p><b>Delivery guarantee: at least once per outbox row.</b> A row is {@code sent} only after its
 * provider accepted it. A process that stops between the provider call and recording the outcome
 * leaves the row in {@code sending}; after {@code stem.outbox.sending-timeout} it is queued again and
 * sent once more, so such a crash can repeat one message per chat. Every row carries its own
 * {@code idempotency_key}, which senders pass to providers that honour one: Twilio's own 5xx resends
 * of a POST are covered by it. Telegram has no idempotency key, so there a repeat is possible.
 * Rows are never lost: a row is either queued, in flight, sent, or failed with {@code last_error}.
 * An outcome is recorded only while the row still carries the claim it was sent under, so a send
 * that outlived the sending timeout cannot overwrite the outcome of the re-send.
 * Rate limits hold for all instances together: the channel's bucket is a row every claim reserves its
 * sends from ({@link SendBuckets}), and no chat is claimed twice or within its interval, whichever
 * instance claims. So does the daily limit on new conversations ({@link ChannelSender#dailyConversationLimit}):
 * before a message that opens a conversation goes, {@link OutboxStore#startConversation} counts the
 * channel's conversations of the last 24 hours in PostgreSQL under an advisory lock, and a message over
 * the limit waits, unattempted, until a place frees up. Meta's per-recipient pair rate is per instance.
 *
 * <p>Never logs message text or recipients (chat ids and phone numbers are personal data): only
 * outbox ids, channels and error reasons.
 */
@ApplicationScoped
public class OutboxSender {
    private static final Logger LOG = Logger.getLogger(OutboxSender.class);
    /** Pause between rounds while due rows wait for their chat's interval or an older message. */
    private static final Duration BLOCKED_MIN = Duration.ofMillis(20);
    private static final Duration BLOCKED_MAX = Duration.ofMillis(250);

    @Inject
    Instance<ChannelSender> senderBeans;
    @Inject
    OutboxConfig config;
    @Inject
    OutboxStore store;
    @Inject
    Clock clock;
    @Inject
    DataSource ds;

    private final Map<String, ChannelSender> senders = new LinkedHashMap<>();
    private SendBuckets buckets;
    private final AtomicInteger inFlight = new AtomicInteger();
    /** Send slots per channel, so a channel working through a backlog at its rate never starves another. */
    private final Map<String, Semaphore> slots = new ConcurrentHashMap<>();
    private ExecutorService pool;
    private WorkerLoop loop;
    private Backoff backoff;

    void onStart(@Observes StartupEvent event) {
        start();
    }

    void onStop(@Observes ShutdownEvent event) {
        stop();
    }

    synchronized void start() {
        if (!config.enabled() || loop != null) {
            return;
        }
        for (ChannelSender s : senderBeans) {
            ChannelSender previous = senders.putIfAbsent(s.channel(), s);
            if (previous != null) {
                throw new IllegalStateException("Two ChannelSender beans for channel " + s.channel());
            }
        }
        backoff = new Backoff(config.backoffBase(), config.backoffMax());
        buckets = new SendBuckets(ds);
        int concurrency = Math.max(1, config.concurrency());
        senders.keySet().forEach(channel -> slots.put(channel, new Semaphore(concurrency)));
        AtomicInteger n = new AtomicInteger();
        pool = Executors.newFixedThreadPool(concurrency * Math.max(1, senders.size()), r -> {
            Thread t = new Thread(r, "outbox-send-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        loop = new WorkerLoop("outbox-drain", this::round, config.pollInterval());
        loop.start();
        LOG.infof("Outbox sender started for channels %s", senders.keySet());
    }

    synchronized void stop() {
        if (loop == null) {
            return;
        }
        loop.stop();
        pool.shutdownNow();
        try {
            pool.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        loop = null;
    }

    /** After a conversation committed new messages: send them now, not at the next poll. */
    void onQueued(@Observes(during = TransactionPhase.AFTER_SUCCESS) OutboxQueued event) {
        if (senders.containsKey(event.channel())) {
            wake();
        }
    }

    /** Fallback: rows queued by other instances, retries, and rows stuck in 'sending'. */
    @Scheduled(every = "${stem.outbox.poll-interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        if (loop == null) {
            return;
        }
        try {
            recoverStuck();
        } catch (RuntimeException e) {
            LOG.errorf("Outbox recovery failed (%s)", e.getClass().getName());
        }
        wake();
    }

    /** Makes the drain loop look for due messages now. Never blocks. */
    public void wake() {
        WorkerLoop l = loop;
        if (l != null) {
            l.wake();
        }
    }

    /**
     * Queues again rows left in 'sending' longer than {@code stem.outbox.sending-timeout} (their
     * process stopped between claiming and recording). Returns how many. Runs on every poll.
     */
    public int recoverStuck() {
        Instant now = clock.instant();
        try {
            int n = store.recoverStuck(now.minus(config.sendingTimeout()), config.maxAttempts(), now);
            if (n > 0) {
                LOG.warnf("Outbox: %d messages were stuck in 'sending' longer than %s and are queued again", n, config.sendingTimeout());
                wake();
            }
            return n;
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("Outbox recovery failed", e);
        }
    }

    /** Provider calls in flight on this instance (for health and tests). */
    public int inFlight() {
        return inFlight.get();
    }

    /** One drain round: claim and dispatch while there are free slots and due rows; say when to look again. */
    private Duration round() throws Exception {
        if (senders.isEmpty()) {
            return null;
        }
        // A channel whose claim came back short has nothing more claimable in this round.
        Set<String> drained = new HashSet<>();
        boolean sentAny = false;
        boolean claimed;
        do {
            claimed = false;
            for (ChannelSender sender : senders.values()) {
                Semaphore channelSlots = slots.get(sender.channel());
                int free = channelSlots.availablePermits();
                if (free == 0 || drained.contains(sender.channel())) {
                    continue; // a finishing send on this channel wakes the loop
                }
                int limit = Math.min(free, Math.max(1, config.batchSize()));
                List<OutboxMessage> batch = claimAndDispatch(sender, channelSlots, limit);
                if (batch.size() < limit) {
                    drained.add(sender.channel());
                }
                claimed |= !batch.isEmpty();
                sentAny |= batch.stream().anyMatch(m -> OutboxStore.SENDING.equals(m.status));
            }
        } while (claimed);
        if (sentAny) {
            // Each of those sends wakes the loop when it finishes; the round after it looks further ahead.
            // (Rows the claim failed, to unreachable recipients, wake nothing: then look ahead now.)
            return null;
        }

        // Channels whose slots are all busy are woken by their finishing sends.
        List<String> open = senders.keySet().stream().filter(ch -> slots.get(ch).availablePermits() > 0).toList();
        Instant next = store.nextDue(open);
        if (next == null) {
            return null;
        }
        Duration until = Duration.between(clock.instant(), next);
        if (until.isNegative() || until.isZero()) {
            // A chat's next message is due but not claimable: it waits for the chat's interval
            // (or another instance holds it for a moment).
            Duration shortest = senders.values().stream().map(s -> nonNegative(s.perRecipientInterval()))
                    .min(Duration::compareTo).orElse(BLOCKED_MAX).dividedBy(4);
            return clamp(shortest, BLOCKED_MIN, BLOCKED_MAX);
        }
        return until;
    }

    private List<OutboxMessage> claimAndDispatch(ChannelSender sender, Semaphore channelSlots, int limit) throws Exception {
        Duration interval = nonNegative(sender.perRecipientInterval());
        Instant claimedAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
        List<OutboxMessage> claimed = store.claim(sender.channel(), limit, interval, claimedAt);
        // Failed by the claim (the recipient is known to be unreachable) or to send now.
        List<OutboxMessage> sending = claimed.stream().filter(m -> OutboxStore.SENDING.equals(m.status)).toList();
        long[] waits = reserve(sender, sending, claimedAt);
        for (int i = 0; i < sending.size(); i++) {
            OutboxMessage m = sending.get(i);
            long wait = waits[i];
            channelSlots.acquire(); // only this loop acquires, so the permits counted by the caller are there
            inFlight.incrementAndGet();
            pool.execute(() -> {
                try {
                    sendOne(sender, m, claimedAt, wait);
                } finally {
                    inFlight.decrementAndGet();
                    channelSlots.release();
                    wake(); // the chat's next message may be due now
                }
            });
        }
        return claimed;
    }

    /**
     * The channel's rate, shared with every instance ({@link SendBuckets}): how long each of the
     * claimed messages waits for its turn. Without the database the claim is put back.
     */
    private long[] reserve(ChannelSender sender, List<OutboxMessage> sending, Instant claimedAt) throws SQLException {
        try {
            return buckets.reserve(sender.channel(), sending.size(), sender.messagesPerSecond());
        } catch (SQLException e) {
            sending.forEach(m -> quietly(() -> store.release(m.id, claimedAt)));
            throw e;
        }
    }

    private void sendOne(ChannelSender sender, OutboxMessage m, Instant claimedAt, long waitNanos) {
        try {
            if (waitNanos > 0) {
                TimeUnit.NANOSECONDS.sleep(waitNanos);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            quietly(() -> store.release(m.id, claimedAt));
            return;
        }
        if (sender.dailyConversationLimit() > 0) {
            try {
                Instant now = clock.instant();
                if (sender.opensConversation(m, now)) {
                    java.util.Optional<Instant> until = store.startConversation(m.id, claimedAt, m.channel, m.recipient,
                            sender.dailyConversationLimit(), now);
                    if (until.isPresent()) {
                        quietly(() -> store.recordDeferred(m.id, claimedAt, until.get(), "daily limit of "
                                + sender.dailyConversationLimit() + " new conversations reached", FailureReason.DAILY_LIMIT.code(),
                                false, false, false));
                        LOG.debugf("Outbox %d on %s: daily limit reached, waits until %s", m.id, m.channel, until.get());
                        return;
                    }
                }
            } catch (SQLException | RuntimeException e) {
                LOG.errorf("Outbox %d: could not check the daily limit (%s)", m.id, e.getClass().getName());
                quietly(() -> store.release(m.id, claimedAt));
                return;
            }
        }
        SendResult result;
        try {
            result = sender.send(m);
            if (result == null) {
                result = new SendResult.Retry(Duration.ZERO, "sender returned no result");
            }
        } catch (RuntimeException e) {
            // The class only: a provider exception's message can hold a URL with the bot token or a chat id.
            LOG.warnf("Outbox %d on %s: sender threw %s", m.id, m.channel, e.getClass().getName());
            result = new SendResult.Retry(Duration.ZERO, "sender threw " + e.getClass().getName());
        }
        record(m, claimedAt, result);
    }

    private void record(OutboxMessage m, Instant claimedAt, SendResult result) {
        Instant now = clock.instant();
        try {
            boolean recorded;
            if (result instanceof SendResult.Sent sent) {
                recorded = store.recordSent(m.id, claimedAt, sent.providerMessageId(), now);
                LOG.debugf("Outbox %d sent on %s", m.id, m.channel);
            } else if (result instanceof SendResult.Retry retry) {
                int attempts = m.attempts + 1;
                if (attempts >= config.maxAttempts()) {
                    recorded = store.recordFailed(m.id, claimedAt, "gave up after " + attempts + " attempts: " + retry.reason(),
                            (retry.code() == null ? FailureReason.GAVE_UP : retry.code()).code());
                    LOG.warnf("Outbox %d on %s failed after %d attempts: %s", m.id, m.channel, attempts, LogSafe.reason(retry.reason()));
                } else {
                    Duration after = retry.after() == null ? Duration.ZERO : retry.after();
                    Duration delay = max(after, backoff.delay(attempts));
                    recorded = store.recordRetry(m.id, claimedAt, now.plus(delay), retry.reason(),
                            retry.code() == null ? null : retry.code().code());
                    LOG.infof("Outbox %d on %s: attempt %d failed (%s), retry in %d ms", m.id, m.channel, attempts,
                            LogSafe.reason(retry.reason()), delay.toMillis());
                }
            } else if (result instanceof SendResult.Deferred deferred) {
                Duration after = deferred.after() == null ? Duration.ZERO : deferred.after();
                recorded = store.recordDeferred(m.id, claimedAt, now.plus(after), deferred.reason(),
                        deferred.code() == null ? null : deferred.code().code(), deferred.asTemplate(), deferred.counted(),
                        deferred.counted() || deferred.asTemplate());
                LOG.infof("Outbox %d on %s deferred (%s), again in %d s", m.id, m.channel, LogSafe.reason(deferred.reason()),
                        after.toSeconds());
            } else if (result instanceof SendResult.Failed failed) {
                String code = failed.code() == null ? null : failed.code().with(failed.detail());
                if (failed.recipientUnreachable()) {
                    int others = store.recordUnreachable(m.id, claimedAt, m.channel, m.recipient, failed.reason(), code, now);
                    recorded = true;
                    LOG.warnf("Outbox %d on %s: recipient unreachable (%s); %d more queued messages to them failed",
                            m.id, m.channel, LogSafe.reason(failed.reason()), others);
                } else {
                    recorded = store.recordFailed(m.id, claimedAt, failed.reason(), code);
                    LOG.warnf("Outbox %d on %s failed: %s", m.id, m.channel, LogSafe.reason(failed.reason()));
                }
            } else {
                throw new IllegalStateException("Unknown send result " + result.getClass());
            }
            if (!recorded) {
                LOG.warnf("Outbox %d: outcome not recorded, the row was recovered (sending timeout) or deleted meanwhile", m.id);
            }
        } catch (java.sql.SQLException | RuntimeException e) {
            // Left in 'sending': recovery re-queues it after the sending timeout (at-least-once).
            LOG.errorf("Outbox %d: could not record the outcome (%s)", m.id, e.getClass().getName());
        }
    }

    private interface SqlAction {
        Object run() throws java.sql.SQLException;
    }

    private static void quietly(SqlAction action) {
        try {
            action.run();
        } catch (java.sql.SQLException | RuntimeException e) {
            LOG.errorf("Outbox bookkeeping failed (%s)", e.getClass().getName());
        }
    }

    private static Duration nonNegative(Duration d) {
        return d == null || d.isNegative() ? Duration.ZERO : d;
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static Duration clamp(Duration d, Duration lo, Duration hi) {
        return d.compareTo(lo) < 0 ? lo : d.compareTo(hi) > 0 ? hi : d;
    }
}
