package nl.stem.channel.preview;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import nl.stem.api.ErrorCode;
import nl.stem.api.StemException;
import nl.stem.conversation.ChannelIdentity;
import nl.stem.conversation.ConversationService;
import nl.stem.conversation.Inbound;
import nl.stem.conversation.Outcome;
import nl.stem.conversation.Respondent;
import nl.stem.conversation.SessionRecord;
import nl.stem.conversation.SessionStore;
import nl.stem.engine.Input;
import nl.stem.engine.Outbound;
import nl.stem.engine.UiTexts;
import nl.stem.language.Languages;
import nl.stem.media.prompt.PromptLinks;
import nl.stem.identity.Channel;
import nl.stem.outbox.OutboxMessage;
import nl.stem.outbox.OutboxStore;
import nl.stem.survey.model.MediaRef;
import nl.stem.text.ExternalText;

/**
 * The browser preview as a channel: a conversation is an identity on channel {@code preview} whose
 * provider id is an unguessable token; replies are read from the outbox by the page, which marks
 * them delivered.
 */
@ApplicationScoped
public class PreviewConversations {
    public static final String CHANNEL = Channel.PREVIEW.id();
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{32}");
    private static final Pattern CLIENT_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    ConversationService conversations;
    @Inject
    SessionStore sessions;
    @Inject
    ObjectMapper json;
    @Inject
    DataSource ds;
    @Inject
    OutboxStore outbox;
    @Inject
    PromptLinks links;
    @Inject
    java.time.Clock clock;
    @Inject
    UiTexts ui;

    /** Starts a conversation on a survey in a language; returns its token. */
    public String start(String surveyId, String language) {
        // The preview's one way in (JSON, form and upload alike): text cleaned as from any respondent.
        surveyId = ExternalText.clean(surveyId, 64);
        language = ExternalText.clean(language, 64);
        byte[] b = new byte[24];
        RANDOM.nextBytes(b);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(b);
        conversations.handle(new Inbound(CHANNEL, token + ":start", token, new Input.Start(language, null),
                new Inbound.StartRequest(surveyId, language, null), null, true));
        return token;
    }

    /** Hands a respondent's input to the conversation service; the client id de-duplicates resends. */
    public Outcome send(String token, String clientId, Input input, Inbound.StoredMedia stored) {
        requireConversation(token);
        if (clientId == null || !CLIENT_ID.matcher(clientId).matches()) {
            throw new StemException(ErrorCode.BAD_MESSAGE_ID, "Each message needs an id of 1-64 characters A-Z, a-z, 0-9, _ or -");
        }
        return conversations.handle(new Inbound(CHANNEL, token + ":" + clientId, token, cleaned(input), null,
                stored == null ? null : new Inbound.StoredMedia(stored.sha256(), stored.sizeBytes(), ExternalText.clean(stored.mimeType(), 200)), true));
    }

    /** Typed text, a tapped payload or an unsupported file's type, with what Stem cannot hold removed. */
    private static Input cleaned(Input input) {
        if (input instanceof Input.Text t) {
            return new Input.Text(ExternalText.clean(t.text(), ExternalText.MAX_CHARS));
        }
        if (input instanceof Input.ButtonTap b) {
            return new Input.ButtonTap(ExternalText.clean(b.payload(), ExternalText.MAX_CHARS));
        }
        if (input instanceof Input.Unsupported u) {
            return new Input.Unsupported(ExternalText.clean(u.kind(), 200));
        }
        if (input instanceof Input.Media m && m.media() != null) {
            MediaRef r = m.media();
            return new Input.Media(new MediaRef(r.kind(), ExternalText.clean(r.mimeType(), 200), r.sizeBytes(), r.durationSeconds(),
                    ExternalText.clean(r.providerRef(), 200)));
        }
        return input;
    }

    /**
     * Messages for the conversation after {@code after}, marked delivered. Read by the token (the
     * recipient), so the confirmation of "delete my data" still shows after the respondent is gone.
     */
    @Transactional
    public List<PreviewMessage> messagesAfter(String token, long after) {
        List<OutboxMessage> rows = token != null && TOKEN.matcher(token).matches()
                ? OutboxMessage.list("channel = ?1 and recipient = ?2 and id > ?3 order by id", CHANNEL, token, after) : List.of();
        if (rows.isEmpty()) {
            requireConversation(token);
        }
        List<PreviewMessage> out = new ArrayList<>();
        for (OutboxMessage m : rows) {
            out.add(toMessage(m));
        }
        if (!rows.isEmpty()) {
            try (Connection c = ds.getConnection()) {
                outbox.markPreviewDelivered(c, token, after);
            } catch (SQLException e) {
                throw new IllegalStateException("Could not mark the preview's messages read", e);
            }
        }
        return out;
    }

    /** The status of the conversation's session (new, active, completed, ...), or {@code deleted} after an erasure. */
    @Transactional
    public String status(String token) {
        ChannelIdentity identity = token != null && TOKEN.matcher(token).matches() ? ChannelIdentity.find(CHANNEL, token) : null;
        if (identity == null) {
            requireKnown(token);
            return "deleted";
        }
        SessionRecord s = sessions.latest(identity.respondentId);
        return s == null ? "none" : s.status;
    }

    /**
     * The conversation's language (the respondent's, else the survey's source language, else
     * English) and Stem's texts the page shows in it: the status names ({@code status.*}) and its
     * error messages ({@code error.*}), so nothing on the page is in English after "delete my data".
     */
    @Transactional
    public PageTexts pageTexts(String token) {
        ChannelIdentity identity = requireConversation(token);
        Respondent r = Respondent.findById(identity.respondentId);
        String lang = r == null || r.preferredLanguage == null ? UiTexts.FALLBACK_LANGUAGE : r.preferredLanguage;
        java.util.Map<String, String> texts = new java.util.TreeMap<>();
        for (String key : PAGE_TEXTS) {
            texts.put(key, ui.pattern(lang, key));
        }
        return new PageTexts(lang, Languages.isRightToLeft(lang), texts);
    }

    /** The page's language, direction and texts. */
    public record PageTexts(String language, boolean rtl, java.util.Map<String, String> texts) {
    }

    private static final List<String> PAGE_TEXTS = List.of("status.active", "status.choosing_language", "status.paused",
            "status.completed", "status.stopped", "status.refused", "status.expired", "status.deleted",
            "error.ended", "error.failed", "error.too_large");

    /** A token that never had a conversation (no message was ever addressed to it) is unknown: 404. */
    private void requireKnown(String token) {
        if (token == null || !TOKEN.matcher(token).matches() || OutboxMessage.count("channel = ?1 and recipient = ?2", CHANNEL, token) == 0) {
            throw new StemException(ErrorCode.CONVERSATION_NOT_FOUND, "No preview conversation with this token");
        }
    }

    @Transactional
    ChannelIdentity requireConversation(String token) {
        ChannelIdentity identity = token != null && TOKEN.matcher(token).matches() ? ChannelIdentity.find(CHANNEL, token) : null;
        if (identity == null) {
            throw new StemException(ErrorCode.CONVERSATION_NOT_FOUND, "No preview conversation with this token");
        }
        return identity;
    }

    private PreviewMessage toMessage(OutboxMessage m) {
        try {
            Outbound o = json.readValue(m.payload, Outbound.class);
            String audio = o.audio() == null ? null : links.path(o.audio().sha256(), clock.instant());
            return new PreviewMessage(m.id, o.kind().name().toLowerCase(java.util.Locale.ROOT), o.text(), o.buttons(), o.rtl(),
                    o.questionId(), audio);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Outbox message " + m.id + " is unreadable", e);
        }
    }
}
