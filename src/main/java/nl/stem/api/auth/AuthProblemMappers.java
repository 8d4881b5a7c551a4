package nl.stem.api.auth;

import nl.stem.api.ErrorCode;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import nl.stem.api.Problem;

/**
 * 401 and 403 as the project's problem JSON. Authentication is lazy
 * ({@code quarkus.http.auth.proactive=false}) so that these failures reach the REST layer.
 */
public class AuthProblemMappers {

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthorized(RuntimeException e) {
        return Response.status(401).type(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.WWW_AUTHENTICATE, BearerAuthMechanism.SCHEME)
                .entity(new Problem(ErrorCode.UNAUTHORIZED, "A valid API token is required: send \"Authorization: Bearer <token>\""))
                .build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return Response.status(403).type(MediaType.APPLICATION_JSON)
                .entity(new Problem(ErrorCode.FORBIDDEN, "This token's role may not do this"))
                .build();
    }
}
