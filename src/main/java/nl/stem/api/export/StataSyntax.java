package nl.stem.api.export;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import nl.stem.survey.model.ConsentQuestion;
import nl.stem.survey.model.MultipleChoiceQuestion;
import nl.stem.survey.model.SingleChoiceQuestion;

/**
 * A Stata do-file that reads the wide CSV ({@code wide.csv} beside it) and labels it:
 * {@code import delimited}, {@code label variable}, {@code label define}/{@code label values}, and
 * {@code mvdecode} turning -77/-88/-99 into the extended missing values .a/.b/.c. Single-choice
 * answers (choice ids in the CSV) are encoded as numbers 1..n with the choice labels attached.
 * Columns are read by position, so {@code where/street} becomes {@code where_street}.
 */
public final class StataSyntax {
    /** Stata's limits: 32-character names, 80-character variable labels. */
    static final int NAME_CHARS = 32;
    static final int VARIABLE_LABEL_CHARS = 80;

    private StataSyntax() {
    }

    public static String write(Codebook codebook, WideLayout layout, String csvFile) {
        List<Variable> vars = layout.variables();
        int fixed = WideLayout.FIXED.size();
        Set<String> used = new HashSet<>();
        List<String> names = new ArrayList<>();
        WideLayout.FIXED.forEach(f -> names.add(name(f, used)));
        vars.forEach(v -> names.add(name(v.name(), used)));
        List<Integer> stringColumns = new ArrayList<>();
        List<Integer> numericColumns = new ArrayList<>();
        for (int i = 0; i < fixed; i++) {
            String column = WideLayout.FIXED.get(i);
            (column.equals("survey_version") || column.equals("wave") ? numericColumns : stringColumns).add(i + 1);
        }
        for (int i = 0; i < vars.size(); i++) {
            (vars.get(i).numeric() ? numericColumns : stringColumns).add(fixed + i + 1);
        }
        StringBuilder s = new StringBuilder();
        s.append("* Stem: ").append(codebook.survey()).append(" versions ").append(codebook.versions()).append('\n');
        s.append("* Missing values: -77 refused/stopped (.a), -88 skipped (.b), -99 not applicable (.c)\n");
        s.append("import delimited using ").append(quote(csvFile)).append(", clear varnames(nonames) rowrange(2) ")
                .append("encoding(\"utf-8\") delimiters(\",\") bindquotes(strict) maxquotedrows(unlimited)");
        s.append(" stringcols(").append(join(stringColumns)).append(")");
        if (!numericColumns.isEmpty()) {
            s.append(" numericcols(").append(join(numericColumns)).append(")");
        }
        s.append('\n');
        for (int i = 0; i < names.size(); i++) {
            s.append("rename v").append(i + 1).append(' ').append(names.get(i)).append('\n');
        }
        List<String> numeric = new ArrayList<>();
        for (int i = 0; i < vars.size(); i++) {
            Variable v = vars.get(i);
            Codebook.Entry e = codebook.variables().get(i);
            String n = names.get(fixed + i);
            s.append("label variable ").append(n).append(' ')
                    .append(quote(cut(CodebookBuilder.sourceText(codebook, e), VARIABLE_LABEL_CHARS))).append('\n');
            boolean coded = v.choice() == null && (v.column().question() instanceof SingleChoiceQuestion
                    || v.column().question() instanceof ConsentQuestion);
            if (coded) {
                // choice ids -> 1..n, missing codes -> .a/.b/.c, labelled
                String tmp = cut(n, NAME_CHARS - 2) + "_s";
                s.append("rename ").append(n).append(' ').append(tmp).append('\n');
                s.append("generate long ").append(n).append(" = .\n");
                int code = 1;
                StringBuilder define = new StringBuilder("label define ").append(labelName(n, i));
                for (Codebook.ValueLabel l : e.valueLabels()) {
                    s.append("replace ").append(n).append(" = ").append(code).append(" if ").append(tmp).append(" == ")
                            .append(quote(l.value())).append('\n');
                    define.append(' ').append(code).append(' ').append(quote(CodebookBuilder.sourceLabel(codebook, l)));
                    code++;
                }
                s.append("replace ").append(n).append(" = .a if ").append(tmp).append(" == \"-77\"\n");
                s.append("replace ").append(n).append(" = .b if ").append(tmp).append(" == \"-88\"\n");
                s.append("replace ").append(n).append(" = .c if ").append(tmp).append(" == \"-99\"\n");
                s.append("order ").append(n).append(", before(").append(tmp).append(")\n");
                s.append("drop ").append(tmp).append('\n');
                appendMissingLabels(define);
                s.append(define).append(", replace\n");
                s.append("label values ").append(n).append(' ').append(labelName(n, i)).append("\n");
            } else if (v.numeric()) {
                numeric.add(n);
                StringBuilder define = new StringBuilder("label define ").append(labelName(n, i));
                for (Codebook.ValueLabel l : e.valueLabels()) {
                    define.append(' ').append(l.value()).append(' ').append(quote(CodebookBuilder.sourceLabel(codebook, l)));
                }
                appendMissingLabels(define);
                s.append(define).append(", replace\n");
                s.append("label values ").append(n).append(' ').append(labelName(n, i)).append("\n");
            } else if (v.column().question() instanceof MultipleChoiceQuestion) {
                s.append("note ").append(n).append(": choice ids separated by spaces; see the 0/1 columns ")
                        .append(n).append("_*\n");
            }
        }
        if (!numeric.isEmpty()) {
            s.append("mvdecode ").append(String.join(" ", numeric)).append(", mv(-77=.a \\ -88=.b \\ -99=.c)\n");
        }
        return s.toString();
    }

    /** Value label names share Stata's 32-character limit. */
    static String labelName(String variable, int index) {
        return variable.length() <= 28 ? variable + "_lbl" : "lbl_" + (index + 1);
    }

    private static void appendMissingLabels(StringBuilder define) {
        define.append(" .a \"refused/stopped\" .b \"skipped\" .c \"not applicable\"");
    }

    /** A valid, unique Stata name (letters, digits, _; at most 32 characters). */
    static String name(String column, Set<String> used) {
        String n = column.replaceAll("[^A-Za-z0-9_]", "_");
        if (!Character.isLetter(n.charAt(0)) && n.charAt(0) != '_') {
            n = "v" + n;
        }
        n = cut(n, NAME_CHARS - 3);
        String candidate = n;
        for (int i = 2; !used.add(candidate.toLowerCase(Locale.ROOT)); i++) {
            candidate = n + "_" + i;
        }
        return candidate;
    }

    /**
     * A Stata string in compound double quotes {@code `"..."'}: embedded double quotes are fine; the
     * macro characters {@code `} and {@code $} are escaped with a backslash; line breaks become spaces.
     */
    static String quote(String text) {
        String t = text == null ? "" : text.replaceAll("[\\r\\n\\t]+", " ");
        t = t.replace("`", "\\`").replace("$", "\\$").replace("\"'", "\" '");
        return "`\"" + t + "\"'";
    }

    static String cut(String s, int chars) {
        return s.codePointCount(0, s.length()) <= chars ? s : s.substring(0, s.offsetByCodePoints(0, chars));
    }

    private static String join(List<Integer> columns) {
        return String.join(" ", columns.stream().map(String::valueOf).toList());
    }
}
