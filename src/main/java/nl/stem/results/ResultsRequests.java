package nl.stem.results;

import java.time.ZoneId;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import nl.stem.api.ErrorCode;
import nl.stem.api.StemException;

/**
 * What the results' entry points (the API, the dashboard pages) have in common: reading their
 * parameters into a scope, naming the question asked for, and paging the open answers.
 */
@ApplicationScoped
public class ResultsRequests {
    static final String CSV = "text/csv; charset=utf-8";

    /** The parameters every results request takes. */
    public static class Params {
        @QueryParam("survey")
        public String survey;
        @QueryParam("wave")
        public List<String> wave;
        @QueryParam("from")
        public String from;
        @QueryParam("to")
        public String to;
        @QueryParam("language")
        public String language;
        @QueryParam("channel")
        public String channel;
        @QueryParam("by")
        public String by;
        @QueryParam("paired")
        public String paired;
        /** The language of the question texts (and of the page). */
        @QueryParam("lang")
        public String lang;
    }

    @Inject
    ResultsScopes scopes;
    @Inject
    ResultsService service;
    @Inject
    OpenAnswers openAnswers;

    public ResultsScope scope(Params p) {
        return scopes.parse(p.survey, p.wave, p.from, p.to, p.language, p.channel, p.by, p.paired);
    }

    /**
     * @param lang   the question texts' language, null for the survey's source language
     * @param labels the language of the words Stem adds ("no value", "other"): {@code nl} or {@code en}
     */
    public SurveyResults results(ResultsScope scope, String lang, String labels) {
        String language = lang == null || lang.isBlank() ? scope.newest().version().survey().sourceLanguage() : lang.strip();
        boolean dutch = "nl".equals(labels);
        return service.of(scope, language, dutch ? "nl" : "en", dutch ? "(geen waarde)" : "(no value)", dutch ? "overige" : "other");
    }

    /** The question {@code id} of the results; 400 when not given, 404 when the survey has no such answerable question. */
    public QuestionResult question(SurveyResults results, String id) {
        if (id == null || id.isBlank()) {
            throw new StemException(ErrorCode.QUESTION_REQUIRED, "Name the question: ?question=<id>");
        }
        return results.question(id.strip()).orElseThrow(() ->
                new StemException(ErrorCode.QUESTION_NOT_FOUND, "Survey '" + results.survey() + "' has no question '" + id.strip() + "'"));
    }

    public AnswerPage answers(ResultsScope scope, String lang, String question, String search, String page) {
        return answers(scope, lang, question, search, page, false, ZoneId.of("Europe/Amsterdam"));
    }

    /** A page of a listed (text, open or media) question's answers; 400 for a counted question. */
    public AnswerPage answers(ResultsScope scope, String lang, String question, String search, String page, boolean quotesOnly,
                              ZoneId zone) {
        QuestionResult q = question(results(scope, lang, "en"), question);
        if (!q.listed()) {
            throw new StemException(ErrorCode.NOT_LISTED, "Question '" + q.id() + "' is a " + q.type()
                    + " question: its answers are counted, not listed");
        }
        int n;
        try {
            n = page == null || page.isBlank() ? 1 : Integer.parseInt(page.strip());
        } catch (NumberFormatException e) {
            throw new StemException(ErrorCode.BAD_PAGE, "page must be a number from 1");
        }
        return openAnswers.page(scope, q, search, n, quotesOnly, zone);
    }

    static Response file(StreamingOutput body, String type, String name) {
        return Response.ok(body, type).header("Content-Disposition", "attachment; filename=\"" + name + "\"").build();
    }
}
