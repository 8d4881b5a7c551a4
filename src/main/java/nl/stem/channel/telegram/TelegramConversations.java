package nl.stem.channel.telegram;

import org.jboss.logging.Logger;
import nl.stem.text.LogSafe;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import nl.stem.conversation.ConversationService;
import nl.stem.conversation.Inbound;
import nl.stem.conversation.NoSurveyException;
import nl.stem.conversation.Outcome;

/**
 * Hands a mapped Telegram update to the conversation service: invitations first (their own
 * transaction, so the service finds the invited respondent), then the conversation (committed when
 * it returns). Says which button tap to answer so the client stops spinning: the webhook answers it
 * in its response, which costs no call of our own.
 */
@ApplicationScoped
class TelegramConversations {
    private static final Logger LOG = Logger.getLogger(TelegramConversations.class);

    @Inject
    ConversationService conversations;
    @Inject
    Invitations invitations;
    @Inject
    nl.stem.identity.IdentityStore reachability;
    @Inject
    java.time.Clock clock;

    /**
     * Handles one update; returns when everything it changed is committed, with the id of the
     * callback query to answer (a button tap), or null.
     */
    String handle(int updateId, TelegramEvent event) {
        if (event instanceof TelegramEvent.Blocked blocked) {
            // The respondent blocked the bot: send nothing more until they write again.
            reachability.markUnreachable(Invitations.CHANNEL, blocked.chatId(), clock.instant());
            return null;
        }
        if (!(event instanceof TelegramEvent.FromChat chat)) {
            return null; // ignored kinds: edits, other member updates
        }
        Inbound.StartRequest start = null;
        if (chat.startPayload() != null) {
            start = invitations.claim(chat.startPayload(), chat.chatId(), chat.languageHint()).orElse(null);
        }
        Inbound in = new Inbound(Invitations.CHANNEL, String.valueOf(updateId), chat.chatId(), chat.input(), start, null, false,
                chat.languageHint());
        try {
            Outcome outcome = conversations.handle(in);
            if (outcome.duplicate()) {
                LOG.debugf("Telegram update %d was handled before", updateId);
            }
        } catch (NoSurveyException e) {
            // An invitation to a survey that is gone (retired): acknowledge so Telegram stops retrying.
            LOG.warnf("Telegram update %d: %s", updateId, LogSafe.reason(e.getMessage()));
        }
        return chat.callbackQueryId();
    }
}
