package nl.stem.media.prompt;

import java.time.Clock;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import nl.stem.api.ErrorCode;
import nl.stem.api.StemException;

/**
 * The public link to a prompt file, for Twilio (a WhatsApp voice note is fetched from a URL) and
 * the preview's audio player: {@code GET /prompts/<sha256>.ogg?e=..&s=..}. A bad or missing
 * signature, an expired link and an unknown prompt each get a 4xx problem, never a file and
 * never a 500. Only {@code prompt_audio} is read: answers' media are not reachable from here.
 */
@Path("/prompts")
public class PromptResource {
    private final PromptLinks links;
    private final PromptStore store;
    private final Clock clock;

    public PromptResource(PromptLinks links, PromptStore store, Clock clock) {
        this.links = links;
        this.store = store;
        this.clock = clock;
    }

    @GET
    @Path("/{file}")
    public Response prompt(@PathParam("file") String file, @QueryParam("e") String expires, @QueryParam("s") String signature) {
        String sha = file != null && file.endsWith(".ogg") ? file.substring(0, file.length() - ".ogg".length()) : null;
        PromptLinks.Check check = links.check(sha, expires, signature, clock.instant());
        if (check == PromptLinks.Check.INVALID) {
            throw new StemException(ErrorCode.PROMPT_LINK_INVALID, "This is not a valid prompt link");
        }
        if (check == PromptLinks.Check.EXPIRED) {
            throw new StemException(ErrorCode.PROMPT_LINK_EXPIRED, "This prompt link has expired");
        }
        byte[] content = store.content(sha).orElseThrow(() ->
                new StemException(ErrorCode.PROMPT_NOT_FOUND, "No prompt with this id"));
        return Response.ok(content, "audio/ogg")
                .header("Cache-Control", "private, max-age=3600")
                .header("X-Content-Type-Options", "nosniff")
                .build();
    }
}
