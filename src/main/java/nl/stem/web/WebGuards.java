package nl.stem.web;

import java.util.Optional;
import java.util.UUID;

import org.jboss.logging.Logger;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * What every request goes through before any route, once for all of them: the
 * {@linkplain SecurityHeaders security headers} on whatever answer it gets, the
 * {@linkplain RequestUrl check of its path and query}, and a failure handler so that an error the
 * HTTP layer raises itself (a body over {@code quarkus.http.limits.max-body-size}, a request it cannot
 * route) reaches the caller as Stem's problem JSON {@code {"status", "code", "message", "details"}},
 * like every other error, never as the framework's own page or an empty body.
 */
@ApplicationScoped
public class WebGuards {
    private static final Logger LOG = Logger.getLogger(WebGuards.class);
    /** Before Quarkus' own handlers (CORS, security, REST): negative orders run first. */
    static final int ORDER = -10_000;

    void register(@Observes Router router) {
        router.route().order(ORDER).handler(this::guard).failureHandler(this::failure);
        // A path Vert.x cannot even decode (/try/%%%) fails before any route matches: these handle it.
        router.errorHandler(400, this::failure);
        router.errorHandler(413, this::failure);
    }

    private void guard(RoutingContext rc) {
        rc.addHeadersEndHandler(v -> SecurityHeaders.apply(rc.response().headers()));
        Optional<String> refused = RequestUrl.problem(rc.request().path(), rc.request().query());
        if (refused.isPresent()) {
            problem(rc.response(), 400, "malformed_url", refused.get());
            return;
        }
        rc.next();
    }

    private void failure(RoutingContext rc) {
        HttpServerResponse response = rc.response();
        if (response.headWritten() || response.ended()) {
            return;
        }
        if (isSecurity(rc.failure())) {
            // Logins, redirects to the login page and 401 challenges are Quarkus security's to answer.
            rc.next();
            return;
        }
        int status = rc.statusCode() >= 400 && rc.statusCode() < 600 ? rc.statusCode() : 500;
        if (status >= 500) {
            String errorId = UUID.randomUUID().toString();
            LOG.errorf(rc.failure(), "Unexpected error %s in the HTTP layer", errorId);
            problem(response, 500, "internal_error", "Something went wrong on our side (error id " + errorId + ")");
        } else if (status == 400 && RequestUrl.problem(rc.request().path(), rc.request().query()).isPresent()) {
            problem(response, 400, "malformed_url", RequestUrl.problem(rc.request().path(), rc.request().query()).get());
        } else {
            problem(response, status, "http_" + status, switch (status) {
                case 400 -> "The request could not be read";
                case 404 -> "Not Found";
                case 405 -> "Method Not Allowed";
                case 413 -> "The request body is too large";
                default -> "Request refused";
            });
        }
    }

    private static boolean isSecurity(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String name = t.getClass().getName();
            if (name.startsWith("io.quarkus.security.") || name.startsWith("io.quarkus.vertx.http.runtime.security.")) {
                return true;
            }
        }
        return false;
    }

    private static void problem(HttpServerResponse response, int status, String code, String message) {
        String body = new JsonObject().put("status", status).put("code", code).put("message", message)
                .put("details", new JsonArray()).encode();
        SecurityHeaders.apply(response.headers());
        response.setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, "application/json").end(body);
    }
}
