package nl.stem.api.survey;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** An invalid upload: 422 with every problem as {@code {severity, file, line, key, message}}. */
public class SurveyProblemMapper {
    @ServerExceptionMapper
    public Response invalid(SurveyResource.InvalidUploadException e) {
        return Response.status(422).type(MediaType.APPLICATION_JSON).entity(e.problem()).build();
    }
}
