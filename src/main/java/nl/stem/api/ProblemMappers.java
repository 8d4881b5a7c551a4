package nl.stem.api;

import java.util.UUID;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import nl.stem.survey.InvalidSurveyException;

/** Maps every failure to a {@link Problem}: callers get a clear message, never a stack trace. */
public class ProblemMappers {
    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response stem(StemException e) {
        return problem(new Problem(e.status(), e.code(), e.getMessage()));
    }

    @ServerExceptionMapper
    public Response invalidSurvey(InvalidSurveyException e) {
        return problem(new Problem(ErrorCode.SURVEY_INVALID, e.getMessage(),
                e.problems().stream().map(Object::toString).toList()));
    }

    @ServerExceptionMapper
    public Response json(JsonProcessingException e) {
        return problem(new Problem(ErrorCode.MALFORMED_JSON, "The request body is not valid JSON: " + e.getOriginalMessage()));
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        String reason = e.getResponse().getStatusInfo().getReasonPhrase();
        return problem(new Problem(status, "http_" + status, reason == null ? "Request refused" : reason));
    }

    /**
     * A form or multipart body RESTEasy cannot parse, before any resource runs: {@code %%%}, an
     * unknown charset, a multipart body cut before its last boundary. Its parser throws a bare
     * IllegalArgumentException or IOException; the same exceptions from our own code are bugs and
     * stay a 500.
     */
    @ServerExceptionMapper
    public Response illegalArgument(IllegalArgumentException e) {
        return fromBodyParsing(e) ? problem(new Problem(ErrorCode.MALFORMED_FORM,
                "The form body is not valid application/x-www-form-urlencoded (UTF-8)")) : unexpected(e);
    }

    @ServerExceptionMapper
    public Response io(java.io.IOException e) {
        return fromBodyParsing(e) ? problem(new Problem(ErrorCode.MALFORMED_MULTIPART,
                "The multipart body could not be read: " + e.getClass().getSimpleName())) : unexpected(e);
    }

    /** Whether RESTEasy's form or multipart parsing threw it (its frames come before any of ours). */
    static boolean fromBodyParsing(Throwable e) {
        for (StackTraceElement at : e.getStackTrace()) {
            String c = at.getClassName();
            if (c.startsWith("nl.stem.")) {
                return false;
            }
            if (c.startsWith("org.jboss.resteasy.reactive.server.core.multipart.") || c.startsWith("org.jboss.resteasy.reactive.common.util.URLUtils")) {
                return true;
            }
        }
        return false;
    }

    /** A StackOverflowError or the like: Stem's problem JSON too, never the framework's error page. */
    @ServerExceptionMapper
    public Response error(Error e) {
        String errorId = UUID.randomUUID().toString();
        LOG.errorf(e, "Unexpected error %s", errorId);
        return problem(new Problem(ErrorCode.INTERNAL_ERROR, "Something went wrong on our side (error id " + errorId + ")"));
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e) {
        String errorId = UUID.randomUUID().toString();
        LOG.errorf(e, "Unexpected error %s", errorId);
        return problem(new Problem(ErrorCode.INTERNAL_ERROR, "Something went wrong on our side (error id " + errorId + ")"));
    }

    public static Response problem(Problem p) {
        return Response.status(p.status()).type(MediaType.APPLICATION_JSON).entity(p).build();
    }
}
