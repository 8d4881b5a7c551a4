package nl.stem.worker;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import org.jboss.logging.Logger;

/**
 * One background thread that runs a drain round, then sleeps until woken or until the time the
 * round asked for. Waking is cheap and never blocks (observers call it after commit); a wake during
 * a round makes the loop run again at once, so no wake-up is lost and only one round runs at a time.
 */
public final class WorkerLoop {
    private static final Logger LOG = Logger.getLogger(WorkerLoop.class);

    private final String name;
    private final Callable<Duration> round;
    private final Duration afterError;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition woken = lock.newCondition();
    private boolean signalled;
    private volatile boolean running;
    private Thread thread;

    /**
     * @param round one drain round; returns how long until it should run again, or null to wait for a wake-up
     * @param afterError the pause after a round threw (e.g. the database is down)
     */
    public WorkerLoop(String name, Callable<Duration> round, Duration afterError) {
        this.name = name;
        this.round = round;
        this.afterError = afterError;
    }

    public synchronized void start() {
        if (thread != null) {
            return;
        }
        running = true;
        thread = new Thread(this::run, name);
        thread.setDaemon(true);
        thread.start();
    }

    public synchronized void stop() {
        running = false;
        if (thread != null) {
            wake();
            thread.interrupt();
            try {
                thread.join(TimeUnit.SECONDS.toMillis(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            thread = null;
        }
    }

    /** Makes the loop run a round now (or right after the current one). */
    public void wake() {
        lock.lock();
        try {
            signalled = true;
            woken.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void run() {
        while (running) {
            Duration next;
            try {
                next = round.call();
            } catch (InterruptedException e) {
                break;
            } catch (Exception e) {
                // The class only: messages of JDBC or provider exceptions can carry URLs or personal data.
                LOG.errorf("%s: drain round failed (%s), retrying in %s", name, e.getClass().getName(), afterError);
                next = afterError;
            }
            lock.lock();
            try {
                long nanos = next == null ? Long.MAX_VALUE : Math.max(0, next.toNanos());
                while (running && !signalled && nanos > 0) {
                    nanos = next == null ? woken.awaitNanos(TimeUnit.HOURS.toNanos(1)) : woken.awaitNanos(nanos);
                    if (next == null) {
                        nanos = Long.MAX_VALUE;
                    }
                }
                signalled = false;
            } catch (InterruptedException e) {
                break;
            } finally {
                lock.unlock();
            }
        }
    }
}
