package nl.stem.survey.xlsform;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.ibm.icu.util.ULocale;

import nl.stem.survey.SurveyProblem;
import nl.stem.survey.SurveySource;
import nl.stem.translation.PoEntry;
import nl.stem.translation.PoFile;

/**
 * Writes a {@link SurveyDraft} as the files a researcher would write by hand: {@code surveys/<id>.yaml}
 * and {@code translations/<id>/<lang>.po}, the same format, so the same validator, versions and
 * exports apply. The output is canonical: the same draft always gives the same bytes.
 *
 * <p>Translations keep what the previous version said about them, as gettext's msgmerge does: a
 * translation that did not change keeps its msgid (the source text it was made from) and its flags
 * ({@code fuzzy}: machine-drafted, unreviewed). So a Dutch text edited in the spreadsheet while its
 * Arabic translation stays makes the validator warn that the Arabic may be stale, exactly as for a
 * hand-edited file; a translation typed anew is taken as reviewed.
 *
 * <p>It records which cell every line came from, so that the validator's problems, named by file and
 * line, can be named by sheet, row and column instead ({@link Origins}).
 */
final class SurveyFilesWriter {

    /** What earlier translations said, by language and key; empty for a new survey. */
    static final class Reviews {
        static final Reviews NONE = new Reviews(Map.of());
        private final Map<String, Map<String, PoEntry>> entries;

        private Reviews(Map<String, Map<String, PoEntry>> entries) {
            this.entries = entries;
        }

        /** The PO entries of a published version's sources. */
        static Reviews of(SurveySource source) {
            if (source == null) {
                return NONE;
            }
            Map<String, Map<String, PoEntry>> m = new HashMap<>();
            source.translations().forEach((lang, file) -> {
                Map<String, PoEntry> byKey = new HashMap<>();
                for (PoEntry e : PoFile.parse(Path.of(file.file()), file.content() == null ? "" : file.content()).entries()) {
                    if (e.key() != null) {
                        byKey.putIfAbsent(e.key(), e);
                    }
                }
                m.put(lang, byKey);
            });
            return new Reviews(m);
        }

        PoEntry get(String language, String key) {
            Map<String, PoEntry> byKey = entries.get(language);
            return byKey == null ? null : byKey.get(key);
        }
    }

    /** The files, and where each of their lines came from. */
    record Written(SurveySource source, Origins origins) {
    }

    private SurveyFilesWriter() {
    }

    static Written write(SurveyDraft d, Reviews reviews) {
        String id = d.id == null || d.id.isBlank() ? "form" : d.id;
        String surveyFile = "surveys/" + id + ".yaml";
        Lines yaml = new Lines();
        yaml.add("# Written by Stem from an XLSForm: edit the spreadsheet (GET .../xlsform) and import it again,", d.settingsLoc);
        yaml.add("# or edit this file and its translations by hand.", d.settingsLoc);
        yaml.add("id: " + plain(id), d.idLoc);
        yaml.add("title: " + quoted(orEmpty(d.sourceText("survey.title"))), loc(d, "survey.title", d.sourceLanguage, d.settingsLoc));
        yaml.add("source_language: " + plain(orEmpty(d.sourceLanguage)), d.languageLocs.getOrDefault(d.sourceLanguage, d.settingsLoc));
        yaml.add("languages: [" + String.join(", ", d.languages.stream().map(SurveyFilesWriter::plain).toList()) + "]",
                d.languageLocs.getOrDefault(d.sourceLanguage, d.settingsLoc));
        yaml.add("open_to_anyone: " + d.openToAnyone, d.settingsLoc);
        yaml.add("questions:", Loc.sheet("survey"));
        boolean first = true;
        for (SurveyDraft.Question q : d.questions) {
            if (!first) {
                yaml.add("", q.loc);
            }
            first = false;
            question(yaml, d, q);
        }

        Map<String, SurveySource.TranslationFile> translations = new LinkedHashMap<>();
        Map<String, Lines> poLines = new LinkedHashMap<>();
        for (String lang : d.languages) {
            if (lang.equals(d.sourceLanguage)) {
                continue;
            }
            Lines po = po(d, lang, id, reviews);
            String file = "translations/" + id + "/" + lang + ".po";
            translations.put(lang, new SurveySource.TranslationFile(file, po.text()));
            poLines.put(file, po);
        }
        SurveySource source = new SurveySource(surveyFile, yaml.text(), translations);
        Map<String, Map<Integer, Loc>> lines = new HashMap<>();
        lines.put(surveyFile, yaml.locs);
        poLines.forEach((file, po) -> lines.put(file, po.locs));
        return new Written(source, new Origins(surveyFile, lines, d));
    }

    private static void question(Lines y, SurveyDraft d, SurveyDraft.Question q) {
        String k = q.id;
        y.add("  - id: " + plain(q.id), q.loc);
        y.add("    type: " + q.type, q.typeLoc);
        y.add("    text: " + quoted(orEmpty(d.sourceText(k + ".text"))), loc(d, k + ".text", d.sourceLanguage, q.loc));
        if (d.hasKey(k + ".hint")) {
            y.add("    hint: " + quoted(d.sourceText(k + ".hint")), loc(d, k + ".hint", d.sourceLanguage, q.loc));
        }
        if (q.optional) {
            y.add("    optional: true", q.optionalLoc == null ? q.loc : q.optionalLoc);
        }
        if (q.when != null) {
            y.add("    when: " + quoted(q.when), q.whenLoc == null ? q.loc : q.whenLoc);
        }
        switch (q.type) {
            case "single_choice", "multiple_choice" -> {
                if (q.minChosen != null) {
                    y.add("    min: " + q.minChosen, q.boundsLoc);
                }
                if (q.maxChosen != null) {
                    y.add("    max: " + q.maxChosen, q.boundsLoc);
                }
                y.add("    choices:", q.typeLoc);
                for (SurveyDraft.Choice c : q.choices) {
                    String key = k + ".choice." + c.id();
                    y.add("      - {id: " + quoted(c.id()) + ", label: " + quoted(orEmpty(d.sourceText(key))) + "}", c.loc());
                }
            }
            case "scale" -> {
                y.add("    min: " + q.scaleMin, q.scaleLoc);
                y.add("    max: " + q.scaleMax, q.scaleLoc);
                y.add("    min_label: " + quoted(orEmpty(d.sourceText(k + ".min_label"))), loc(d, k + ".min_label", d.sourceLanguage, q.scaleLoc));
                y.add("    max_label: " + quoted(orEmpty(d.sourceText(k + ".max_label"))), loc(d, k + ".max_label", d.sourceLanguage, q.scaleLoc));
                if (q.notApplicable) {
                    y.add("    not_applicable: true", q.scaleLoc);
                }
            }
            case "number" -> {
                if (q.min != null) {
                    y.add("    min: " + number(q.min), q.boundsLoc);
                }
                if (q.max != null) {
                    y.add("    max: " + number(q.max), q.boundsLoc);
                }
                if (q.decimal) {
                    y.add("    decimal: true", q.typeLoc);
                }
            }
            case "text", "open" -> {
                if (q.maxLength != null) {
                    y.add("    max_length: " + q.maxLength, q.boundsLoc);
                }
                if (q.images) {
                    y.add("    images: true", q.imagesLoc == null ? q.typeLoc : q.imagesLoc);
                }
            }
            default -> {
            }
        }
        if (d.hasKey(k + ".constraint_message")) {
            y.add("    constraint_message: " + quoted(d.sourceText(k + ".constraint_message")),
                    loc(d, k + ".constraint_message", d.sourceLanguage, q.loc));
        }
        if (!q.ioi.isEmpty()) {
            y.add("    ioi: [" + String.join(", ", q.ioi.stream().map(SurveyFilesWriter::quoted).toList()) + "]", q.ioiLoc);
        }
        if (!q.audio.isEmpty()) {
            List<String> parts = new ArrayList<>();
            q.audio.forEach((lang, file) -> parts.add(plain(lang) + ": " + quoted(file)));
            y.add("    media_audio: {" + String.join(", ", parts) + "}", q.audioLocs.values().stream().findFirst().orElse(q.loc));
        }
    }

    private static Lines po(SurveyDraft d, String lang, String id, Reviews reviews) {
        Lines po = new Lines();
        Loc header = d.languageLocs.getOrDefault(lang, Loc.WORKBOOK);
        po.add("# Stem translation of " + id + " into " + ULocale.forLanguageTag(lang).getDisplayName(ULocale.ENGLISH)
                + ", from an XLSForm.", header);
        po.add("msgid \"\"", header);
        po.add("msgstr \"\"", header);
        po.add("\"Language: " + lang + "\\n\"", header);
        po.add("\"Content-Type: text/plain; charset=UTF-8\\n\"", header);
        po.add("\"X-Generator: Stem XLSForm import\\n\"", header);
        for (Map.Entry<String, Map<String, String>> e : d.texts.entrySet()) {
            String key = e.getKey();
            String source = e.getValue().get(d.sourceLanguage);
            String text = e.getValue().get(lang);
            if (source == null || text == null) {
                continue; // the validator names the missing translation, with its cell
            }
            Loc at = loc(d, key, lang, header);
            PoEntry before = reviews.get(lang, key);
            String msgid = source;
            Set<String> flags = Set.of();
            if (before != null && before.text().equals(text)) {
                msgid = before.source();
                flags = before.flags();
            }
            po.add("", at);
            if (!flags.isEmpty()) {
                po.add("#, " + String.join(", ", new java.util.TreeSet<>(flags)), at);
            }
            po.add("msgctxt " + poString(key), at);
            po.add("msgid " + poString(msgid), at);
            po.add("msgstr " + poString(text), at);
        }
        return po;
    }

    private static Loc loc(SurveyDraft d, String key, String lang, Loc fallback) {
        Map<String, Loc> byLang = d.textLocs.get(key);
        Loc l = byLang == null ? null : byLang.get(lang);
        return l != null ? l : fallback;
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    private static String number(BigDecimal n) {
        return n.toPlainString();
    }

    /** An id or tag as a YAML plain scalar when that is safe, else quoted. */
    static String plain(String s) {
        if (s.matches("[a-z][a-z0-9_-]*") && !Set.of("y", "n", "yes", "no", "on", "off", "true", "false", "null").contains(s)) {
            return s;
        }
        return quoted(s);
    }

    /** A YAML double-quoted scalar that SnakeYAML reads back as exactly {@code s}. */
    static String quoted(String s) {
        StringBuilder b = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> b.append("\\\\");
                case '"' -> b.append("\\\"");
                case '\n' -> b.append("\\n");
                case '\t' -> b.append("\\t");
                case '\r' -> b.append("\\r");
                case '\u0085' -> b.append("\\N");
                case '\u2028' -> b.append("\\L");
                case '\u2029' -> b.append("\\P");
                default -> {
                    boolean printable = (c >= 0x20 && c <= 0x7E) || (c >= 0xA0 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD && c != 0xFEFF)
                            || Character.isSurrogate(c);
                    if (printable) {
                        b.append(c);
                    } else {
                        b.append(String.format(java.util.Locale.ROOT, "\\u%04X", (int) c));
                    }
                }
            }
        }
        return b.append('"').toString();
    }

    /** A PO string as {@link PoFile} reads it back. */
    static String poString(String s) {
        StringBuilder b = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> b.append("\\\\");
                case '"' -> b.append("\\\"");
                case '\n' -> b.append("\\n");
                case '\t' -> b.append("\\t");
                case '\r' -> b.append("\\r");
                default -> b.append(c);
            }
        }
        return b.append('"').toString();
    }

    /** Text being written, with the cell each line came from. */
    private static final class Lines {
        final StringBuilder text = new StringBuilder();
        final Map<Integer, Loc> locs = new TreeMap<>();
        int line;

        void add(String s, Loc loc) {
            line++;
            text.append(s).append('\n');
            if (loc != null) {
                locs.put(line, loc);
            }
        }

        String text() {
            return text.toString();
        }
    }

    /**
     * Where the written files came from: the validator's problems, which name a file, line and key,
     * named by sheet, row and column instead.
     */
    static final class Origins {
        private static final Pattern LINE = Pattern.compile("\\bline (\\d+)\\b");
        private final String surveyFile;
        private final Map<String, Map<Integer, Loc>> lines;
        private final SurveyDraft draft;

        Origins(String surveyFile, Map<String, Map<Integer, Loc>> lines, SurveyDraft draft) {
            this.surveyFile = surveyFile;
            this.lines = lines;
            this.draft = draft;
        }

        XlsFormProblem locate(SurveyProblem p) {
            Loc at = where(p);
            return at.problem(p.severity(), rewrite(p.file(), p.message()));
        }

        private Loc where(SurveyProblem p) {
            String lang = language(p.file());
            if (lang != null && draft.textLocs.containsKey(p.key())) {
                Loc l = draft.textLocs.get(p.key()).get(lang);
                if (l != null) {
                    return l;
                }
            }
            Loc byLine = lines.getOrDefault(p.file(), Map.of()).get(p.line());
            if (p.line() > 0 && byLine != null) {
                return byLine;
            }
            return byKey(p.key(), lang);
        }

        /** For problems about a whole file or key (line 0). */
        private Loc byKey(String key, String lang) {
            if (key == null) {
                return Loc.WORKBOOK;
            }
            if (draft.textLocs.containsKey(key)) {
                Map<String, Loc> byLang = draft.textLocs.get(key);
                Loc l = byLang.get(lang != null ? lang : draft.sourceLanguage);
                if (l == null) {
                    l = byLang.get(draft.sourceLanguage);
                }
                if (l != null) {
                    return l;
                }
            }
            if (key.startsWith("languages.")) {
                return draft.languageLocs.getOrDefault(key.substring("languages.".length()), draft.settingsLoc);
            }
            if (key.startsWith("questions.")) {
                String rest = key.substring("questions.".length());
                String qid = rest.contains(".") ? rest.substring(0, rest.indexOf('.')) : rest;
                for (SurveyDraft.Question q : draft.questions) {
                    if (q.id.equals(qid)) {
                        return q.loc;
                    }
                }
                return Loc.sheet("survey");
            }
            if (lang != null) {
                return draft.languageLocs.getOrDefault(lang, Loc.WORKBOOK);
            }
            return draft.settingsLoc;
        }

        private String language(String file) {
            if (file == null || file.equals(surveyFile) || !file.endsWith(".po")) {
                return null;
            }
            String name = file.substring(file.lastIndexOf('/') + 1);
            return name.substring(0, name.length() - ".po".length());
        }

        /** "first at line 12" -> "first at survey!B7". */
        private String rewrite(String file, String message) {
            Map<Integer, Loc> byLine = lines.getOrDefault(file, Map.of());
            Matcher m = LINE.matcher(message);
            StringBuilder b = new StringBuilder();
            while (m.find()) {
                Loc l = byLine.get(Integer.parseInt(m.group(1)));
                m.appendReplacement(b, Matcher.quoteReplacement(l == null ? m.group() : l.where()));
            }
            m.appendTail(b);
            return b.toString();
        }
    }
}
