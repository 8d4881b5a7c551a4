package nl.stem.panel.member;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** A refused import as a problem with every header or row problem in {@code details}. */
public class MemberProblemMapper {
    @ServerExceptionMapper
    public Response rejected(ImportRejected e) {
        return Response.status(e.status()).type(MediaType.APPLICATION_JSON).entity(e.problem()).build();
    }
}
