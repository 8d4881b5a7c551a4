package nl.stem.channel.preview;

import java.io.IOException;
import java.io.InputStream;
import java.sql.SQLException;
import java.nio.file.Files;
import java.util.List;
import java.util.Locale;

import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import nl.stem.api.JsonBodies;
import nl.stem.api.ErrorCode;
import nl.stem.api.StemException;
import nl.stem.config.StemConfig;
import nl.stem.conversation.Inbound;
import nl.stem.conversation.Outcome;
import nl.stem.engine.Input;
import nl.stem.media.MediaFiles;
import nl.stem.media.MediaStore;
import nl.stem.survey.model.MediaKind;
import nl.stem.survey.model.MediaRef;
import nl.stem.text.TextRule;

/** The preview chat's JSON API, used by the page's script (and by tests). */
@Path("/try/api/conversations")
@Produces(MediaType.APPLICATION_JSON)
public class PreviewApi {

    /** Start a conversation: {@code {"survey": "toegang_tot_werk", "language": "ar"}}. */
    public record StartBody(String survey, String language) {
    }

    /** A typed answer ({@code text}) or a tapped button ({@code payload}); {@code id} de-duplicates resends. */
    public record MessageBody(String id, String text, String payload) {
    }

    public record Started(String token, List<PreviewMessage> messages) {
    }

    public record Sent(boolean duplicate, String status) {
    }

    public record Messages(List<PreviewMessage> messages, String status) {
    }

    @Inject
    PreviewConversations preview;
    @Inject
    StemConfig config;
    @Inject
    ObjectMapper json;
    @Inject
    MediaStore media;
    @Inject
    MediaFiles mediaFiles;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response start(InputStream body) {
        StartBody b = JsonBodies.read(body, config.limits().jsonBodyBytes(), json, StartBody.class, TextRule.REMOVE);
        if (b.survey() == null || b.survey().isBlank()) {
            throw new StemException(ErrorCode.SURVEY_REQUIRED, "Name the survey to start in \"survey\"");
        }
        String token = preview.start(b.survey(), b.language());
        return Response.status(201).entity(new Started(token, preview.messagesAfter(token, 0))).build();
    }

    @GET
    @Path("/{token}/messages")
    public Messages messages(@PathParam("token") String token, @QueryParam("after") @DefaultValue("0") long after) {
        List<PreviewMessage> messages = preview.messagesAfter(token, after);
        return new Messages(messages, preview.status(token));
    }

    @POST
    @Path("/{token}/messages")
    @Consumes(MediaType.APPLICATION_JSON)
    public Sent send(@PathParam("token") String token, InputStream body) {
        MessageBody b = JsonBodies.read(body, config.limits().jsonBodyBytes(), json, MessageBody.class, TextRule.REMOVE);
        Input input;
        if (b.payload() != null && b.text() == null) {
            input = new Input.ButtonTap(b.payload());
        } else if (b.text() != null && b.payload() == null) {
            input = new Input.Text(b.text());
        } else {
            throw new StemException(ErrorCode.TEXT_OR_PAYLOAD, "Send either \"text\" (typed) or \"payload\" (a tapped button)");
        }
        Outcome outcome = preview.send(token, b.id(), input, null);
        return new Sent(outcome.duplicate(), preview.status(token));
    }

    @POST
    @Path("/{token}/media")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Sent upload(@PathParam("token") String token, @RestForm("id") String id, @RestForm("file") FileUpload file) throws IOException {
        preview.requireConversation(token);
        if (file == null) {
            throw new StemException(ErrorCode.FILE_REQUIRED, "Upload the audio or video file in the form field \"file\"");
        }
        MediaKind kind = kindOf(file.contentType());
        if (kind == null) {
            // Not audio, video or image: the respondent gets a polite re-prompt; nothing is stored.
            return new Sent(preview.send(token, id, new Input.Unsupported("file:" + file.contentType()), null).duplicate(), preview.status(token));
        }
        long max = config.media().maxBytes();
        if (file.size() > max) {
            throw new StemException(ErrorCode.MEDIA_TOO_LARGE, "The file is larger than the limit of " + max + " bytes");
        }
        MediaStore.Stored stored;
        try (InputStream in = Files.newInputStream(file.uploadedFile())) {
            stored = media.put(in, max);
        }
        String mime = file.contentType().toLowerCase(Locale.ROOT);
        MediaRef ref = new MediaRef(kind, mime, stored.sizeBytes(), null, "sha256:" + stored.sha256());
        Outcome outcome;
        try {
            outcome = preview.send(token, id, new Input.Media(ref), new Inbound.StoredMedia(stored.sha256(), stored.sizeBytes(), mime));
        } catch (RuntimeException e) {
            mediaFiles.deleteUnreferenced(java.util.List.of(stored.sha256()));
            throw e;
        }
        // The file was stored before the conversation decided: an upload it did not take as an
        // answer (a re-prompt, a repeated id) leaves no file behind.
        boolean removed = mediaFiles.deleteUnreferenced(java.util.List.of(stored.sha256())) == 1;
        try {
            // Another instance may have deleted the same content between the put and the commit.
            if (!removed) {
                mediaFiles.restoreIfDeleted(stored.sha256(), () -> Files.newInputStream(file.uploadedFile()), max);
            }
        } catch (SQLException e) {
            throw new IOException("could not check the stored upload", e);
        }
        return new Sent(outcome.duplicate(), preview.status(token));
    }

    static MediaKind kindOf(String contentType) {
        if (contentType == null) {
            return null;
        }
        String t = contentType.toLowerCase(Locale.ROOT);
        if (t.startsWith("audio/")) {
            return MediaKind.AUDIO;
        }
        if (t.startsWith("video/")) {
            return MediaKind.VIDEO;
        }
        if (t.startsWith("image/")) {
            return MediaKind.IMAGE;
        }
        return null;
    }
}
