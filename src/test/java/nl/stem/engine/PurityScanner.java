package nl.stem.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds what must not enter the pure packages: framework, persistence and HTTP packages, clocks and
 * randomness. Works on source text (comments removed) so it needs no bytecode tooling.
 */
final class PurityScanner {
    static final List<String> FORBIDDEN_PACKAGES = List.of("jakarta.", "javax.persistence", "io.quarkus",
            "org.hibernate", "io.vertx", "okhttp3", "java.net.http", "org.apache.http", "java.sql");

    private static final List<Pattern> FORBIDDEN_CALLS = List.of(
            Pattern.compile("\\bInstant\\s*\\.\\s*now\\b"),
            Pattern.compile("\\bSystem\\s*\\.\\s*currentTimeMillis\\b"),
            Pattern.compile("\\bSystem\\s*\\.\\s*nanoTime\\b"),
            Pattern.compile("\\bLocalDateTime\\s*\\.\\s*now\\b"),
            Pattern.compile("\\bLocalDate\\s*\\.\\s*now\\b"),
            Pattern.compile("\\bZonedDateTime\\s*\\.\\s*now\\b"),
            Pattern.compile("\\bOffsetDateTime\\s*\\.\\s*now\\b"),
            Pattern.compile("\\bClock\\s*\\."),
            Pattern.compile("\\bnew\\s+(java\\.util\\.)?Random\\s*\\("),
            Pattern.compile("\\bnew\\s+(java\\.security\\.)?SecureRandom\\s*\\("),
            Pattern.compile("\\bUUID\\s*\\.\\s*randomUUID\\b"),
            Pattern.compile("\\bThreadLocalRandom\\b"),
            Pattern.compile("\\bMath\\s*\\.\\s*random\\b"));

    private static final Pattern COMMENTS = Pattern.compile("//[^\\n]*|/\\*.*?\\*/", Pattern.DOTALL);

    private PurityScanner() {
    }

    /** Violations in one source file, each as "file:line: what". */
    static List<String> violations(String fileName, String source) {
        String code = withoutComments(source);
        List<String> out = new ArrayList<>();
        String[] lines = code.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            for (String pkg : FORBIDDEN_PACKAGES) {
                if (Pattern.compile("(?<![\\w.])" + Pattern.quote(pkg)).matcher(line).find()) {
                    out.add(fileName + ":" + (i + 1) + ": uses " + pkg);
                }
            }
            for (Pattern p : FORBIDDEN_CALLS) {
                Matcher m = p.matcher(line);
                if (m.find()) {
                    out.add(fileName + ":" + (i + 1) + ": calls " + m.group());
                }
            }
        }
        return out;
    }

    /** Blanks comments but keeps line breaks, so line numbers stay right. */
    static String withoutComments(String source) {
        Matcher m = COMMENTS.matcher(source);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            String blank = m.group().replaceAll("[^\\n]", " ");
            m.appendReplacement(b, Matcher.quoteReplacement(blank));
        }
        m.appendTail(b);
        return b.toString();
    }
}
