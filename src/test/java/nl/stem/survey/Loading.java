package nl.stem.survey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Test helpers: load inline surveys and find the one problem a case is about. */
final class Loading {
    static final IoiTaxonomy TAXONOMY = IoiTaxonomy.builtIn();

    /** A valid one-question survey in nl only; cases replace parts of it. */
    static final String MINIMAL = """
            id: t
            title: Test
            source_language: nl
            languages: [nl]
            questions:
              - id: consent
                type: consent
                text: Doe je mee?
            """;

    /** Lines 1-5 of every inline survey; questions start at line 6. */
    static String header(String languages) {
        return "id: t\ntitle: Test\nsource_language: nl\nlanguages: " + languages + "\nquestions:\n";
    }

    /** A survey in nl only with these questions (first question on line 6). */
    static String survey(String questions) {
        return header("[nl]") + questions;
    }

    private Loading() {
    }

    static LoadResult load(String yaml) {
        return load(yaml, Map.of());
    }

    /** @param po language -> PO content, stored as translations/t/<lang>.po */
    static LoadResult load(String yaml, Map<String, String> po) {
        Map<String, SurveySource.TranslationFile> files = new LinkedHashMap<>();
        po.forEach((lang, content) -> files.put(lang, new SurveySource.TranslationFile("translations/t/" + lang + ".po", content)));
        return new SurveyLoader(TAXONOMY).load(new SurveySource("surveys/t.yaml", yaml, files));
    }

    /** A PO file with a Language header and the given entries, each {key, msgid, msgstr}. */
    static String po(String lang, String[]... entries) {
        StringBuilder b = new StringBuilder("msgid \"\"\nmsgstr \"\"\n\"Language: " + lang + "\\n\"\n");
        for (String[] e : entries) {
            b.append("\nmsgctxt \"").append(e[0]).append("\"\nmsgid \"").append(e[1])
                    .append("\"\nmsgstr \"").append(e[2]).append("\"\n");
        }
        return b.toString();
    }

    /** The single problem with {@code key}, asserting file, line and severity; returns it for the message. */
    static SurveyProblem problem(LoadResult r, SurveyProblem.Severity severity, String file, int line, String key) {
        List<SurveyProblem> matching = r.problems().stream().filter(p -> p.key().equals(key)).toList();
        if (matching.size() != 1) {
            fail("expected one problem with key " + key + ", found: " + r.problems());
        }
        SurveyProblem p = matching.get(0);
        assertEquals(severity, p.severity(), p.toString());
        assertEquals(file, p.file(), p.toString());
        assertEquals(line, p.line(), p.toString());
        return p;
    }

    static SurveyProblem error(LoadResult r, int line, String key) {
        SurveyProblem p = problem(r, SurveyProblem.Severity.ERROR, "surveys/t.yaml", line, key);
        assertTrue(!r.valid() && r.survey() == null, "an error makes the survey invalid");
        return p;
    }

    static void assertMessage(String expected, SurveyProblem p) {
        assertEquals(expected, p.message(), p.toString());
    }
}
