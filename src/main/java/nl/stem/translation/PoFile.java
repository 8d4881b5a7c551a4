package nl.stem.translation;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A gettext PO file (UTF-8), the format Weblate, Crowdin and Poedit read. Stem keys every entry by
 * {@code msgctxt}; the header entry (empty msgid) carries {@code Language:}.
 */
public record PoFile(Path path, Map<String, String> header, List<PoEntry> entries, List<PoProblem> problems) {

    /** A syntax problem at a line. */
    public record PoProblem(int line, String message) {
    }

    public static PoFile read(Path path) throws IOException {
        return parse(path, Files.readString(path, StandardCharsets.UTF_8));
    }

    public static PoFile parse(Path path, String content) {
        Parser p = new Parser();
        String[] lines = content.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            p.line(i + 1, lines[i].strip());
        }
        p.flush();
        return new PoFile(path, p.header, List.copyOf(p.entries), List.copyOf(p.problems));
    }

    /** The entries as key -> translated text, leaving out untranslated ones. */
    public Map<String, String> texts() {
        Map<String, String> m = new LinkedHashMap<>();
        for (PoEntry e : entries) {
            if (e.key() != null && !e.text().isEmpty()) {
                m.put(e.key(), e.text());
            }
        }
        return m;
    }

    private static final class Parser {
        final Map<String, String> header = new LinkedHashMap<>();
        final List<PoEntry> entries = new ArrayList<>();
        final List<PoProblem> problems = new ArrayList<>();
        Set<String> flags = new HashSet<>();
        String ctxt;
        String id;
        String str;
        int entryLine;
        String field; // which field a continuation string belongs to

        void line(int n, String l) {
            if (l.isEmpty()) {
                return;
            }
            if (l.startsWith("#,")) {
                flushIfComplete();
                for (String f : l.substring(2).split(",")) {
                    if (!f.isBlank()) {
                        flags.add(f.strip());
                    }
                }
                return;
            }
            if (l.startsWith("#")) {
                flushIfComplete();
                return;
            }
            if (l.startsWith("\"")) {
                String s = unquote(n, l);
                if (field == null || s == null) {
                    if (field == null) {
                        problems.add(new PoProblem(n, "string continuation without msgctxt, msgid or msgstr"));
                    }
                    return;
                }
                switch (field) {
                    case "msgctxt" -> ctxt += s;
                    case "msgid" -> id += s;
                    default -> str += s;
                }
                return;
            }
            int space = l.indexOf(' ');
            String keyword = space < 0 ? l : l.substring(0, space);
            String rest = space < 0 ? "" : l.substring(space + 1).strip();
            switch (keyword) {
                case "msgctxt" -> {
                    flushIfComplete();
                    entryLine = n;
                    ctxt = unquoteOrEmpty(n, rest);
                    field = "msgctxt";
                }
                case "msgid" -> {
                    if (id != null && str != null) {
                        flush();
                    }
                    if (entryLine == 0) {
                        entryLine = n;
                    }
                    id = unquoteOrEmpty(n, rest);
                    field = "msgid";
                }
                case "msgstr", "msgstr[0]" -> {
                    if (id == null) {
                        problems.add(new PoProblem(n, "msgstr without msgid"));
                    }
                    str = unquoteOrEmpty(n, rest);
                    field = "msgstr";
                }
                case "msgid_plural" -> problems.add(new PoProblem(n,
                        "gettext plurals are not used: write an ICU plural in one msgstr instead"));
                default -> problems.add(new PoProblem(n, "unexpected line: " + abbreviate(l)));
            }
        }

        void flushIfComplete() {
            if (id != null && str != null) {
                flush();
            }
        }

        void flush() {
            if (id == null) {
                if (ctxt != null) {
                    problems.add(new PoProblem(entryLine, "msgctxt \"" + ctxt + "\" without msgid"));
                }
            } else if (str == null) {
                problems.add(new PoProblem(entryLine, "msgid without msgstr"));
            } else if (ctxt == null && id.isEmpty()) {
                for (String h : str.split("\n")) {
                    int colon = h.indexOf(':');
                    if (colon > 0) {
                        header.put(h.substring(0, colon).strip(), h.substring(colon + 1).strip());
                    }
                }
            } else {
                entries.add(new PoEntry(ctxt, id, str, flags, entryLine));
            }
            ctxt = null;
            id = null;
            str = null;
            field = null;
            entryLine = 0;
            flags = new HashSet<>();
        }

        String unquoteOrEmpty(int n, String s) {
            String u = unquote(n, s);
            return u == null ? "" : u;
        }

        String unquote(int n, String s) {
            if (s.length() < 2 || !s.startsWith("\"") || !s.endsWith("\"")) {
                problems.add(new PoProblem(n, "expected a quoted string: " + abbreviate(s)));
                return null;
            }
            StringBuilder b = new StringBuilder();
            for (int i = 1; i < s.length() - 1; i++) {
                char c = s.charAt(i);
                if (c == '\\' && i + 1 < s.length() - 1) {
                    char e = s.charAt(++i);
                    switch (e) {
                        case 'n' -> b.append('\n');
                        case 't' -> b.append('\t');
                        case 'r' -> b.append('\r');
                        case '"' -> b.append('"');
                        case '\\' -> b.append('\\');
                        default -> {
                            problems.add(new PoProblem(n, "unknown escape \\" + e));
                            b.append(e);
                        }
                    }
                } else if (c == '"') {
                    problems.add(new PoProblem(n, "unescaped quote inside a string"));
                    b.append(c);
                } else {
                    b.append(c);
                }
            }
            return b.toString();
        }

        static String abbreviate(String s) {
            return s.length() > 60 ? s.substring(0, 60) + "..." : s;
        }
    }
}
