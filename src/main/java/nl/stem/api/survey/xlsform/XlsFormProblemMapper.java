package nl.stem.api.survey.xlsform;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** A form that cannot be taken over: 422 with every problem as {@code {severity, sheet, row, column, cell, header, where, message}}. */
public class XlsFormProblemMapper {
    @ServerExceptionMapper
    public Response invalid(XlsFormResource.InvalidForm e) {
        return Response.status(e.status()).type(MediaType.APPLICATION_JSON).entity(e.problem()).build();
    }
}
