package nl.stem.results;

import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import nl.stem.api.auth.Role;
import nl.stem.api.audit.Audit;

/**
 * What the panel said, as JSON and CSV: {@code GET /api/results?survey=toegang_tot_werk&wave=7&by=region}.
 * Researchers and coordinators see the counted results; only researchers read open answers.
 * Every view is audited with its filters.
 */
@Path("/api/results")
@Tag(name = "results", description = "Per-question results with breakdowns, over time, with small groups suppressed")
public class ResultsResource {
    @Inject
    ResultsRequests requests;
    @Inject
    Audit audit;
    @Inject
    SecurityIdentity identity;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Role.RESEARCHER_NAME, Role.COORDINATOR_NAME})
    @Operation(summary = "Results of a survey, per question",
            description = "Filters: survey (required), wave (one id, several comma-separated, or repeated), from, to (ISO date or "
                    + "date-time, on the session's start), language, channel; by=language|channel|wave|<member attribute>; "
                    + "paired=true with two or more waves: only members who answered in each; lang: the question texts' language. "
                    + "Each question has id, type, n, counts, shares, mean/median where they apply, and missing (skipped, "
                    + "notApplicable, notAsked, stopped, inProgress); each group has its own figures or suppressed: true")
    public SurveyResults results(@BeanParam ResultsRequests.Params p) {
        ResultsScope scope = requests.scope(p);
        audit.recordNow(identity.getPrincipal().getName(), "results.view", scope.surveyId(), scope.describe());
        return requests.results(scope, p.lang, "en");
    }

    @GET
    @Path("/table.csv")
    @Produces(ResultsRequests.CSV)
    @RolesAllowed({Role.RESEARCHER_NAME, Role.COORDINATOR_NAME})
    @Operation(summary = "One question's table as CSV (same filters, plus question)")
    public Response table(@BeanParam ResultsRequests.Params p, @QueryParam("question") String question) {
        ResultsScope scope = requests.scope(p);
        SurveyResults results = requests.results(scope, p.lang, "en");
        QuestionResult q = requests.question(results, question);
        audit.recordNow(identity.getPrincipal().getName(), "results.table_csv", scope.surveyId(), scope.describe());
        StreamingOutput body = out -> ResultsCsv.write(results, q, "all", out);
        return ResultsRequests.file(body, ResultsRequests.CSV, results.survey() + "-" + q.id() + ".csv");
    }

    @GET
    @Path("/answers")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.RESEARCHER_NAME)
    @Operation(summary = "A page of a text, open or media question's answers, newest first, searchable (q=...)",
            description = "Same filters, plus question (required), q (search text), page (from 1). No pseudonyms.")
    public AnswerPage answers(@BeanParam ResultsRequests.Params p, @QueryParam("question") String question,
                              @QueryParam("q") String search, @QueryParam("page") String page) {
        ResultsScope scope = requests.scope(p);
        AnswerPage answers = requests.answers(scope, p.lang, question, search, page);
        audit.recordNow(identity.getPrincipal().getName(), "results.answers", scope.surveyId(),
                Map.of("question", answers.question().id(), "page", answers.page(), "filters", scope.describe()));
        return answers;
    }

}
