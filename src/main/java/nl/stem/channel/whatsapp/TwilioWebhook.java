package nl.stem.channel.whatsapp;

import java.io.InputStream;
import java.time.Clock;
import java.util.Map;

import org.jboss.logging.Logger;

import jakarta.inject.Inject;
import nl.stem.identity.IdentityStore;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import nl.stem.api.StemException;
import nl.stem.conversation.ConversationService;
import nl.stem.conversation.Inbound;
import nl.stem.text.ExternalText;

/**
 * Twilio's WhatsApp webhook. Order matters: size limit and signature before any database access;
 * the answer (empty TwiML) only after the conversation service committed. Replies go through the
 * outbox, never in the TwiML.
 */
@Path("/webhooks/twilio")
public class TwilioWebhook {
    static final String PATH = "/webhooks/twilio";
    static final String EMPTY_TWIML = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response/>";
    private static final Logger LOG = Logger.getLogger(TwilioWebhook.class);
    /** Twilio's ids are 34 characters and numbers at most 25 with the prefix; longer is not Twilio. */
    static final int MAX_ID_LENGTH = 64;

    @Inject
    TwilioConfig config;
    @Inject
    TwilioSignatures signatures;
    @Inject
    ConversationService conversations;
    @Inject
    IdentityStore identities;
    @Inject
    Clock clock;

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
            throw new StemException(400, "missing_fields", "MessageSid and From are required");
        }
        if (messageSid.length() > MAX_ID_LENGTH || from.length() > MAX_ID_LENGTH) {
            throw new StemException(400, "field_too_long", "MessageSid and From are at most " + MAX_ID_LENGTH + " characters");
        }
        // Known numbers: the window opens before the replies are queued, so a sender woken by the
        // commit never sees it closed. First contact: the identity exists only after handle (below).
        identities.touchInbound(WhatsAppIdentities.CHANNEL, from, clock.instant());
        conversations.handle(new Inbound(WhatsAppIdentities.CHANNEL, messageSid, from, InboundMapping.input(params),
                null, null, false, InboundMapping.languageHint(params)));
        identities.touchInbound(WhatsAppIdentities.CHANNEL, from, clock.instant());
        optOutKeywords(params, from);
        return Response.ok(EMPTY_TWIML, "text/xml").build();
    }

    /** Twilio's Advanced Opt-Out tags STOP/START keywords; the engine still sees the text (and stops the session). */
    private void optOutKeywords(Map<String, String> params, String from) {
        String type = params.get("OptOutType");
        if ("STOP".equalsIgnoreCase(type)) {
            identities.markUnreachable(WhatsAppIdentities.CHANNEL, from, clock.instant());
            LOG.info("A WhatsApp respondent opted out");
        } else if ("START".equalsIgnoreCase(type)) {
            identities.markReachable(WhatsAppIdentities.CHANNEL, from);
        }
    }
}
