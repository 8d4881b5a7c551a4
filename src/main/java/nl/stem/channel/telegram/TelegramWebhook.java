package nl.stem.channel.telegram;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;
import java.util.Map;

import org.telegram.telegrambots.meta.api.objects.Update;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.inject.Inject;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import nl.stem.api.RequestBody;
import nl.stem.api.ErrorCode;
import nl.stem.api.StemException;
import nl.stem.text.CleanJson;
import nl.stem.text.TextRule;

/**
 * {@code POST /webhooks/telegram}: Telegram delivers updates here. Checks, in this order, before
 * anything is parsed or stored: channel configured (404), secret header (401 missing, 403 wrong,
 * compared in constant time), JSON content type (415), body size (413), then parses (400). Answers
 * 200 only after the conversation service committed; a non-2xx makes Telegram deliver again. A
 * button tap is answered (answerCallbackQuery) in the body of that 200, as the Bot API allows for
 * webhooks, so the client stops spinning without a call of our own.
 */
@Path("/webhooks/telegram")
public class TelegramWebhook {
    static final String SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token";

    @Inject
    TelegramConfig config;
    @Inject
    ObjectMapper json;
    @Inject
    TelegramConversations conversations;

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    public Response receive(@HeaderParam(SECRET_HEADER) String secret, @HeaderParam("Content-Type") String contentType,
                            @HeaderParam("Content-Length") String contentLength, InputStream body) {
        if (!config.enabled() || config.webhookSecret().isEmpty()) {
            throw new StemException(ErrorCode.TELEGRAM_NOT_CONFIGURED, "The Telegram channel is not configured");
        }
        if (secret == null || secret.isEmpty()) {
            throw new StemException(ErrorCode.SECRET_MISSING, "The " + SECRET_HEADER + " header is required");
        }
        if (!MessageDigest.isEqual(secret.getBytes(StandardCharsets.UTF_8), config.webhookSecret().get().getBytes(StandardCharsets.UTF_8))) {
            throw new StemException(ErrorCode.SECRET_WRONG, "The " + SECRET_HEADER + " header does not match");
        }
        if (!isJson(contentType)) {
            throw new StemException(ErrorCode.UNSUPPORTED_MEDIA_TYPE, "Telegram updates are sent as application/json");
        }
        Update update = parse(read(body, contentLength));
        TelegramEvent event;
        try {
            event = UpdateMapper.map(update);
        } catch (RuntimeException e) {
            // A well-formed Update missing what every real one has (a chat, a sender): acknowledge, do nothing.
            event = new TelegramEvent.Ignored("unmappable");
        }
        String callbackQueryId = conversations.handle(update.getUpdateId(), event);
        if (callbackQueryId == null) {
            return Response.ok().build();
        }
        // A Bot API call in the webhook's response (Telegram makes it; its result is not returned):
        // answers the button tap without a request of our own.
        return Response.ok(Map.of("method", "answerCallbackQuery", "callback_query_id", callbackQueryId)).build();
    }

    private byte[] read(InputStream body, String contentLength) {
        int limit = config.maxBodyBytes();
        if (contentLength != null) {
            try {
                if (Long.parseLong(contentLength.strip()) > limit) {
                    throw RequestBody.tooLarge(tooLarge(limit));
                }
            } catch (NumberFormatException e) {
                // Let the read below decide.
            }
        }
        return RequestBody.read(body, limit);
    }

    private Update parse(byte[] bytes) {
        if (bytes.length == 0) {
            throw new StemException(ErrorCode.EMPTY_BODY, "A Telegram Update is required");
        }
        Update update;
        try {
            // Every string (text, caption, names, payloads) cleaned as it is parsed: a NUL is removed,
            // the update handled and answered 200, never left for Telegram to deliver again.
            update = CleanJson.reader(json, Update.class, TextRule.REMOVE).readValue(bytes);
        } catch (JsonProcessingException e) {
            // No echo of the payload: it is a respondent's message.
            throw new StemException(ErrorCode.MALFORMED_JSON, "The body is not a Telegram Update: " + e.getClass().getSimpleName());
        } catch (IOException | RuntimeException e) {
            throw new StemException(ErrorCode.MALFORMED_JSON, "The body is not a Telegram Update");
        }
        if (update == null || update.getUpdateId() == null) {
            throw new StemException(ErrorCode.UPDATE_ID_MISSING, "A Telegram Update has an update_id");
        }
        return update;
    }

    private static String tooLarge(int limit) {
        return "The request body is larger than " + limit + " bytes";
    }

    private static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        String type = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        return type.equals("application/json");
    }
}
