package nl.stem.channel.whatsapp;

import java.io.InputStream;
import java.util.Map;


import jakarta.inject.Inject;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import nl.stem.api.ErrorCode;
import nl.stem.api.StemException;
import nl.stem.text.ExternalText;

/**
 * Twilio's WhatsApp webhook: the gate. Order matters: size limit and signature before any database
 * access; the answer (empty TwiML) only after {@link WhatsAppConversations} committed. Replies go
 * through the outbox, never in the TwiML. As for Telegram: webhook, pure mapper
 * ({@link InboundMapping}), conversation step.
 */
@Path("/webhooks/twilio")
public class TwilioWebhook {
    static final String PATH = "/webhooks/twilio";
    static final String EMPTY_TWIML = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response/>";
    /** Twilio's ids are 34 characters and numbers at most 25 with the prefix; longer is not Twilio. */
    static final int MAX_ID_LENGTH = 64;

    @Inject
    TwilioConfig config;
    @Inject
    TwilioSignatures signatures;
    @Inject
    WhatsAppConversations conversations;

    @POST
    public Response inbound(@HeaderParam("X-Twilio-Signature") String signature, InputStream body) {
        signatures.requireConfigured();
        Map<String, String> params = FormBody.read(body, config.maxBodyBytes());
        signatures.verify(PATH, params, signature);
        // Signed as sent; cleaned before anything reads them (NUL and the like removed, NFC).
        params = ExternalText.cleanAll(params, ExternalText.MAX_CHARS);

        String messageSid = params.get("MessageSid");
        String from = params.get("From");
        if (messageSid == null || messageSid.isBlank() || from == null || from.isBlank()) {
            throw new StemException(ErrorCode.MISSING_FIELDS, "MessageSid and From are required");
        }
        if (messageSid.length() > MAX_ID_LENGTH || from.length() > MAX_ID_LENGTH) {
            throw new StemException(ErrorCode.FIELD_TOO_LONG, "MessageSid and From are at most " + MAX_ID_LENGTH + " characters");
        }
        conversations.handle(params);
        return Response.ok(EMPTY_TWIML, "text/xml").build();
    }
}
