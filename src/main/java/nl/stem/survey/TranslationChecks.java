package nl.stem.survey;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import nl.stem.language.CommandWords;
import nl.stem.translation.PoEntry;
import nl.stem.translation.PoFile;

/**
 * Reads the PO files of one survey and checks them against the survey's source texts. Returns
 * the texts per language (source language from the survey file).
 */
final class TranslationChecks {
    private final SurveySource source;
    private final ParsedSurvey survey;
    private final Problems problems;
    private final CommandWords commandWords;
    private final Map<String, Map<String, Integer>> lines = new LinkedHashMap<>();

    TranslationChecks(SurveySource source, ParsedSurvey survey, Problems problems, CommandWords commandWords) {
        this.source = source;
        this.survey = survey;
        this.problems = problems;
        this.commandWords = commandWords;
    }

    Map<String, Map<String, String>> run() {
        Map<String, Map<String, String>> byLanguage = new LinkedHashMap<>();
        String src = survey.sourceLanguage();
        if (src != null) {
            byLanguage.put(src, new LinkedHashMap<>(survey.sourceTexts()));
            survey.sourceTexts().forEach((key, text) -> {
                IcuPatterns.problem(text, src).ifPresent(m ->
                        problems.error(source.surveyFile(), survey.keyLines().getOrDefault(key, 0), key, m));
                checkCommandWords(source.surveyFile(), survey.keyLines().getOrDefault(key, 0), key, src, text);
            });
        }
        for (String lang : survey.languages()) {
            if (!lang.equals(src) && !source.translations().containsKey(lang)) {
                problems.error(source.surveyFile(), survey.languageLines().getOrDefault(lang, 0), "languages." + lang,
                        "missing translations: no file " + expectedFile(lang) + " for language " + lang);
            }
        }
        for (Map.Entry<String, SurveySource.TranslationFile> t : source.translations().entrySet()) {
            String lang = t.getKey();
            String file = t.getValue().file();
            if (!survey.languages().contains(lang)) {
                problems.warning(file, 0, "Language", "language '" + lang
                        + "' is not listed in the survey's languages; the file is ignored");
                continue;
            }
            Map<String, String> texts = read(lang, file, t.getValue().content());
            if (lang.equals(src)) {
                // a PO file for the source language may override wording; the YAML stays the fallback
                byLanguage.get(src).putAll(texts);
            } else {
                byLanguage.put(lang, texts);
            }
        }
        return byLanguage;
    }

    private Map<String, String> read(String lang, String file, String content) {
        PoFile po = PoFile.parse(Path.of(file), content == null ? "" : content);
        for (PoFile.PoProblem p : po.problems()) {
            problems.error(file, p.line(), "po", p.message());
        }
        String declared = po.header().get("Language");
        if (declared != null && !declared.isBlank() && !declared.replace('_', '-').equals(lang)) {
            problems.error(file, 1, "Language", "the header says Language: " + declared + " but the file is for " + lang);
        }
        Map<String, String> texts = new LinkedHashMap<>();
        Map<String, Integer> firstLine = new LinkedHashMap<>();
        int unreviewed = 0;
        for (PoEntry e : po.entries()) {
            if (e.key() == null) {
                problems.error(file, e.line(), "msgctxt", "entry without msgctxt: Stem keys every translation by msgctxt");
                continue;
            }
            Integer first = firstLine.putIfAbsent(e.key(), e.line());
            if (first != null) {
                problems.error(file, e.line(), e.key(), "duplicate key (first at line " + first + ")");
                continue;
            }
            String sourceText = survey.sourceTexts().get(e.key());
            if (sourceText == null) {
                problems.warning(file, e.line(), e.key(), "extra key not in the survey"
                        + Suggestions.didYouMean(e.key(), survey.sourceTexts().keySet()));
                continue;
            }
            if (e.text().isEmpty()) {
                problems.error(file, e.line(), e.key(), "missing translation in " + lang + " (empty msgstr)");
                continue;
            }
            if (!e.source().equals(sourceText)) {
                problems.warning(file, e.line(), e.key(), "source text changed, translation may be stale (msgid \""
                        + abbreviate(e.source()) + "\", survey now says \"" + abbreviate(sourceText) + "\")");
            }
            Optional<String> icu = IcuPatterns.problem(e.text(), lang);
            if (icu.isPresent()) {
                problems.error(file, e.line(), e.key(), icu.get());
                continue;
            }
            checkCommandWords(file, e.line(), e.key(), lang, e.text());
            if (e.unreviewed()) {
                unreviewed++;
            }
            texts.put(e.key(), e.text());
            lines.computeIfAbsent(lang, l -> new LinkedHashMap<>()).put(e.key(), e.line());
        }
        for (String key : survey.sourceTexts().keySet()) {
            if (!firstLine.containsKey(key) && !lang.equals(survey.sourceLanguage())) {
                problems.error(file, 0, key, "missing translation in " + lang);
            }
        }
        if (unreviewed > 0) {
            problems.info(file, 0, "fuzzy", unreviewed + " of " + texts.size() + " translations in " + lang
                    + " are unreviewed (fuzzy): machine-drafted, used as they are until a translator reviews them");
        }
        return texts;
    }

    /**
     * Warns where a text tells people to send a word ("send “stop”") that is a command word of
     * another language but not of its own: the respondent would be taught a word they may not be
     * able to type, and the text should name the language's own word.
     */
    private void checkCommandWords(String file, int line, String key, String lang, String text) {
        for (String word : commandWords.misnamed(lang, text)) {
            problems.warning(file, line, key, "tells people to send “" + word + "”, which is not one of the " + lang
                    + " command words in translations/_stem/" + lang + ".po: name the word of the language itself");
        }
    }

    /** Line of each used translation, by language and key; for the limit checks' messages. */
    Map<String, Map<String, Integer>> lines() {
        return lines;
    }

    /** Where the PO file for {@code lang} belongs, next to the others if there are any. */
    private String expectedFile(String lang) {
        String dir = source.translations().values().stream().map(SurveySource.TranslationFile::file)
                .filter(f -> f.contains("/")).map(f -> f.substring(0, f.lastIndexOf('/')))
                .findFirst().orElse("translations/" + survey.id());
        return dir + "/" + lang + ".po";
    }

    private static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "..." : s;
    }
}
