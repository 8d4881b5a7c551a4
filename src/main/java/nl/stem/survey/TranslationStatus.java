package nl.stem.survey;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import nl.stem.translation.PoEntry;
import nl.stem.translation.PoFile;

/**
 * How far each language of a survey is translated, key by key, and the PO template a translator
 * (or Weblate) fills in: every key of the survey with its source text, the translations there are
 * kept, the missing ones empty. Pure: reads only the given files. Example: a new question in the
 * survey file makes its two keys {@code MISSING} in every PO file until the template's entries are
 * filled in.
 *
 * @param language   the language
 * @param entries    every key of the survey in file order, with its state in this language
 */
public record TranslationStatus(String language, List<Entry> entries) {

    /** A key's state in one language. */
    public enum State {
        /** Translated and reviewed, for the current source text. */
        TRANSLATED,
        /** Translated but marked {@code #, fuzzy}: machine-drafted, not yet reviewed. */
        FUZZY,
        /** Translated for an earlier source text (the msgid no longer matches). */
        STALE,
        /** No entry, or an empty msgstr. */
        MISSING
    }

    /** One key: its source text, the translation there is ("" if none), and its state. */
    public record Entry(String key, String source, String translation, State state) {
    }

    public long count(State state) {
        return entries.stream().filter(e -> e.state() == state).count();
    }

    public long translated() {
        return count(State.TRANSLATED);
    }

    public long fuzzy() {
        return count(State.FUZZY);
    }

    public long stale() {
        return count(State.STALE);
    }

    public long missing() {
        return count(State.MISSING);
    }

    /** The survey's source language, id and status per other language; empty when the survey file cannot be read. */
    public record Report(String surveyId, String sourceLanguage, List<TranslationStatus> languages) {
        public Optional<TranslationStatus> of(String language) {
            return languages.stream().filter(l -> l.language().equals(language)).findFirst();
        }
    }

    /** The status of every language the survey lists (other than its source language). */
    public static Optional<Report> of(SurveySource source, IoiTaxonomy taxonomy) {
        ParsedSurvey parsed;
        try {
            parsed = new SurveyParser(source.surveyFile(), new Problems(), taxonomy).parse(source.yaml());
        } catch (RuntimeException | StackOverflowError e) {
            return Optional.empty(); // the loader reports why; there is no status to show
        }
        if (parsed == null || parsed.sourceLanguage() == null) {
            return Optional.empty();
        }
        List<TranslationStatus> out = new ArrayList<>();
        for (String lang : parsed.languages()) {
            if (lang.equals(parsed.sourceLanguage())) {
                continue;
            }
            SurveySource.TranslationFile file = source.translations().get(lang);
            Map<String, PoEntry> byKey = new LinkedHashMap<>();
            if (file != null) {
                for (PoEntry e : PoFile.parse(Path.of(file.file()), file.content() == null ? "" : file.content()).entries()) {
                    if (e.key() != null) {
                        byKey.putIfAbsent(e.key(), e);
                    }
                }
            }
            List<Entry> entries = new ArrayList<>();
            parsed.sourceTexts().forEach((key, text) -> {
                PoEntry e = byKey.get(key);
                State state = e == null || e.text().isEmpty() ? State.MISSING
                        : !e.source().equals(text) ? State.STALE
                        : e.unreviewed() ? State.FUZZY : State.TRANSLATED;
                entries.add(new Entry(key, text, e == null ? "" : e.text(), state));
            });
            out.add(new TranslationStatus(lang, List.copyOf(entries)));
        }
        return Optional.of(new Report(parsed.id(), parsed.sourceLanguage(), List.copyOf(out)));
    }

    /**
     * This language as a PO file to translate: a header with {@code Language:}, then per key a
     * {@code #.} comment with its state, {@code #, fuzzy} where it is fuzzy or stale, msgctxt (the
     * key), msgid (the current source text) and msgstr (the translation there is, or empty).
     */
    public String template(String surveyId) {
        StringBuilder b = new StringBuilder();
        b.append("# Stem translation template of ").append(surveyId).append(" into ").append(language).append(".\n")
                .append("# Fill in every empty msgstr; remove \"#, fuzzy\" once a translator has reviewed an entry.\n")
                .append("msgid \"\"\nmsgstr \"\"\n")
                .append("\"Language: ").append(language).append("\\n\"\n")
                .append("\"Content-Type: text/plain; charset=UTF-8\\n\"\n")
                .append("\"X-Generator: Stem\\n\"\n");
        for (Entry e : entries) {
            b.append('\n');
            if (e.state() != State.TRANSLATED) {
                b.append("#. ").append(e.state().name().toLowerCase(java.util.Locale.ROOT)).append('\n');
            }
            if (e.state() == State.FUZZY || e.state() == State.STALE) {
                b.append("#, fuzzy\n");
            }
            b.append("msgctxt ").append(quote(e.key())).append('\n');
            b.append("msgid ").append(quote(e.source())).append('\n');
            b.append("msgstr ").append(quote(e.translation())).append('\n');
        }
        return b.toString();
    }

    /** A PO string literal: backslash, quote, newline, tab and carriage return escaped. */
    static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
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
}
