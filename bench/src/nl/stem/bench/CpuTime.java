package nl.stem.bench;

import static nl.stem.bench.TelegramBench.*;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

/**
 * CPU time (user + system) from /proc, split by who spent it: the service, the PostgreSQL server
 * processes, and this driver with its fake Bot API. Per update, it says where a machine's cores
 * go, and varies far less from run to run than throughput on a shared machine.
 */
final class CpuTime {
    /** Linux reports process times in clock ticks of 1/100 s (USER_HZ) on every common platform. */
    static final double MS_PER_TICK = 10.0;

    record Split(long serviceTicks, long postgresTicks, long driverTicks) {
        Split minus(Split o) {
            return new Split(serviceTicks - o.serviceTicks, postgresTicks - o.postgresTicks, driverTicks - o.driverTicks);
        }

        boolean known() { return serviceTicks >= 0 && postgresTicks >= 0 && driverTicks >= 0; }
    }

    /** The CPU so far; the service's is the sum over its instances. */
    static Split split(long[] servicePids) {
        long postgres = 0;
        try (var dirs = Files.list(Path.of("/proc"))) {
            for (Path d : (Iterable<Path>) dirs::iterator) {
                String name = d.getFileName().toString();
                if (name.chars().allMatch(Character::isDigit) && "postgres".equals(command(d))) {
                    postgres += Math.max(0, ticks(d));
                }
            }
        } catch (IOException | RuntimeException e) {
            postgres = -1;
        }
        long service = servicePids.length == 0 ? -1 : 0;
        for (long pid : servicePids) {
            long t = pid > 0 ? ticks(Path.of("/proc/" + pid)) : -1;
            service = t < 0 || service < 0 ? -1 : service + t;
        }
        return new Split(service, postgres, ticks(Path.of("/proc/" + ProcessHandle.current().pid())));
    }

    private static String command(Path proc) {
        try {
            String stat = Files.readString(proc.resolve("stat"));
            return stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    /** utime + stime (fields 14 and 15 of /proc/pid/stat), or -1. */
    private static long ticks(Path proc) {
        try {
            String stat = Files.readString(proc.resolve("stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(f[11]) + Long.parseLong(f[12]); // f[0] is field 3 (state)
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
