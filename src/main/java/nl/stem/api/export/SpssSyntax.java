package nl.stem.api.export;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import nl.stem.survey.model.MediaQuestion;
import nl.stem.survey.model.MultipleChoiceQuestion;
import nl.stem.survey.model.NumberQuestion;
import nl.stem.survey.model.ScaleQuestion;
import nl.stem.survey.model.SingleChoiceQuestion;

/**
 * SPSS syntax that reads the wide CSV ({@code wide.csv} beside it) and labels it: {@code GET DATA},
 * {@code VARIABLE LABELS}, {@code VALUE LABELS}, {@code MISSING VALUES}. Names are positional,
 * so a column {@code where/street} becomes the SPSS name {@code where_street}.
 *
 * <p>It runs in SPSS and in GNU PSPP (checked with PSPP in the tests), so it uses only commands both
 * know: no {@code SET UNICODE} (PSPP rejects it; SPSS 21 and later start in Unicode mode). Both end a
 * case at every line break of the data file, quotes or not, which is why the wide CSV writes a line
 * break inside an answer as U+2028 ({@link Csv#oneLinePerRow}).
 */
public final class SpssSyntax {
    /** SPSS limits labels to 256 bytes (variable labels) and 120 bytes (value labels). */
    static final int VARIABLE_LABEL_BYTES = 255;
    static final int VALUE_LABEL_BYTES = 120;
    /**
     * Width of text and open answers in bytes: a text answer has at most 4,096 UTF-16 units (longer
     * ones are refused), each at most 3 bytes of UTF-8 (a U+2028 standing for a line break too).
     */
    static final int TEXT_BYTES = 3 * 4096;

    private SpssSyntax() {
    }

    public static String write(Codebook codebook, WideLayout layout, String csvFile) {
        StringBuilder s = new StringBuilder();
        s.append("* Stem: ").append(codebook.survey()).append(" versions ").append(codebook.versions())
                .append(". Reads the wide CSV (UTF-8, comma-separated).\n");
        s.append("* Missing values: -77 refused/stopped, -88 skipped, -99 not applicable.\n");
        s.append("* Runs in SPSS and GNU PSPP. SPSS before version 21: run SET UNICODE=ON first.\n");
        s.append("* Line breaks inside answers are written as the character U+2028 (one case per line).\n");
        s.append("GET DATA /TYPE=TXT /FILE=").append(quote(csvFile, Integer.MAX_VALUE)).append(" /ENCODING='UTF8'\n");
        s.append("  /ARRANGEMENT=DELIMITED /DELCASE=LINE /FIRSTCASE=2 /DELIMITERS=\",\" /QUALIFIER='\"'\n");
        s.append("  /VARIABLES=\n");
        Set<String> used = new HashSet<>();
        for (String fixed : WideLayout.FIXED) {
            s.append("    ").append(name(fixed, used)).append(' ').append(fixedFormat(fixed)).append('\n');
        }
        List<Variable> vars = layout.variables();
        String[] names = new String[vars.size()];
        for (int i = 0; i < vars.size(); i++) {
            names[i] = name(vars.get(i).name(), used);
            s.append("    ").append(names[i]).append(' ').append(format(vars.get(i))).append('\n');
        }
        s.append(".\n");
        if (!vars.isEmpty()) {
            s.append("VARIABLE LABELS\n");
            for (int i = 0; i < vars.size(); i++) {
                Codebook.Entry e = codebook.variables().get(i);
                s.append("  ").append(names[i]).append(' ')
                        .append(quote(CodebookBuilder.sourceText(codebook, e), VARIABLE_LABEL_BYTES))
                        .append(i == vars.size() - 1 ? ".\n" : "\n");
            }
        }
        for (int i = 0; i < vars.size(); i++) {
            Variable v = vars.get(i);
            Codebook.Entry e = codebook.variables().get(i);
            boolean str = !v.numeric();
            s.append("VALUE LABELS ").append(names[i]);
            for (Codebook.ValueLabel l : e.valueLabels()) {
                if (v.column().question() instanceof MultipleChoiceQuestion && v.choice() == null) {
                    break; // the space-separated ids: labelled through the 0/1 columns
                }
                s.append("\n  ").append(str ? quote(l.value(), Integer.MAX_VALUE) : l.value()).append(' ')
                        .append(quote(CodebookBuilder.sourceLabel(codebook, l), VALUE_LABEL_BYTES));
            }
            for (MissingCodes.Code c : MissingCodes.ALL) {
                s.append("\n  ").append(str ? quote(String.valueOf(c.code()), Integer.MAX_VALUE) : String.valueOf(c.code()))
                        .append(' ').append(quote(c.label(), VALUE_LABEL_BYTES));
            }
            s.append(".\n");
            s.append("MISSING VALUES ").append(names[i]).append(str ? " ('-77', '-88', '-99').\n" : " (-77, -88, -99).\n");
        }
        s.append("EXECUTE.\n");
        return s.toString();
    }

    /** The fixed columns: the wave id and version are numbers, the rest text. */
    static String fixedFormat(String column) {
        return switch (column) {
            case "wave" -> "F20.0";
            case "survey_version" -> "F8.0";
            default -> "A64";
        };
    }

    static String format(Variable v) {
        if (v.choice() != null) {
            return "F3.0"; // 0/1, or a missing code such as -99
        }
        var q = v.column().question();
        if (q instanceof ScaleQuestion) {
            return "F4.0";
        }
        if (q instanceof NumberQuestion n) {
            return n.decimal() ? "F12.4" : "F12.0";
        }
        if (q instanceof SingleChoiceQuestion || "consent".equals(q.type())) {
            return "A64";
        }
        if (q instanceof MultipleChoiceQuestion) {
            int ids = v.column().choices().stream().mapToInt(c -> c.id().length() + 1).sum();
            return "A" + Math.max(255, ids); // every id, space-separated
        }
        if (q instanceof MediaQuestion) {
            return "A64"; // a media id
        }
        return "A" + TEXT_BYTES;
    }

    /** A valid, unique SPSS name (letters, digits, _; at most 64 bytes). */
    static String name(String column, Set<String> used) {
        String n = column.replaceAll("[^A-Za-z0-9_]", "_");
        if (!Character.isLetter(n.charAt(0))) {
            n = "v" + n;
        }
        if (n.length() > 60) {
            n = n.substring(0, 60);
        }
        String candidate = n;
        for (int i = 2; !used.add(candidate.toLowerCase(Locale.ROOT)); i++) {
            candidate = n + "_" + i;
        }
        return candidate;
    }

    /** A single-quoted SPSS string: apostrophes doubled, line breaks as spaces, cut to {@code maxBytes} of UTF-8. */
    static String quote(String text, int maxBytes) {
        String t = text == null ? "" : text.replaceAll("[\\r\\n\\t]+", " ");
        t = truncate(t, maxBytes);
        return "'" + t.replace("'", "''") + "'";
    }

    /** Cuts on a code point boundary so that the UTF-8 form fits. */
    static String truncate(String t, int maxBytes) {
        if (maxBytes == Integer.MAX_VALUE || t.getBytes(StandardCharsets.UTF_8).length <= maxBytes) {
            return t;
        }
        StringBuilder b = new StringBuilder();
        int bytes = 0;
        for (int i = 0; i < t.length(); ) {
            int cp = t.codePointAt(i);
            int len = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (bytes + len > maxBytes) {
                break;
            }
            b.appendCodePoint(cp);
            bytes += len;
            i += Character.charCount(cp);
        }
        return b.toString();
    }
}
