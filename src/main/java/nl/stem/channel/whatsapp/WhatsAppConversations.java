package nl.stem.channel.whatsapp;

import java.time.Clock;
import java.util.Map;

import org.jboss.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import nl.stem.conversation.ConversationService;
import nl.stem.identity.IdentityStore;

/**
 * Hands a WhatsApp message, mapped by {@link InboundMapping}, to the conversation service, keeping
 * the 24-hour window and Twilio's opt-out keywords on the identity. Returns when everything is
 * committed. The WhatsApp counterpart of {@code TelegramConversations}.
 */
@ApplicationScoped
class WhatsAppConversations {
    private static final Logger LOG = Logger.getLogger(WhatsAppConversations.class);

    private final ConversationService conversations;
    private final IdentityStore identities;
    private final Clock clock;

    WhatsAppConversations(ConversationService conversations, IdentityStore identities, Clock clock) {
        this.conversations = conversations;
        this.identities = identities;
        this.clock = clock;
    }

    /** One inbound message: its form's fields, signed, cleaned, with MessageSid and From present. */
    void handle(Map<String, String> params) {
        String from = params.get("From");
        // Known numbers: the window opens before the replies are queued, so a sender woken by the
        // commit never sees it closed. First contact: the identity exists only after handle (below).
        identities.touchInbound(WhatsAppIdentities.CHANNEL, from, clock.instant());
        conversations.handle(InboundMapping.inbound(params));
        identities.touchInbound(WhatsAppIdentities.CHANNEL, from, clock.instant());
        optOutKeywords(params, from);
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
