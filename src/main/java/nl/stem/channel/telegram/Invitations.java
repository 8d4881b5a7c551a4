package nl.stem.channel.telegram;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import nl.stem.api.ErrorCode;
import nl.stem.api.StemException;
import nl.stem.conversation.Inbound;
import nl.stem.identity.Channel;
import nl.stem.identity.IdentityStore;
import nl.stem.panel.wave.InvitationLinks;

/**
 * Deep-link invitations for Telegram. A bot cannot write to someone first, so a panel member gets a
 * link {@code https://t.me/<bot>?start=<token>}; opening it sends {@code /start <token>}, which binds
 * the chat to the member and starts the invited survey in the invitation's language.
 */
@ApplicationScoped
public class Invitations implements InvitationLinks {
    static final String CHANNEL = Channel.TELEGRAM.id();
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    TelegramConfig config;
    @Inject
    Clock clock;
    @Inject
    DataSource ds;
    @Inject
    IdentityStore identities;

    @Override
    public boolean available() {
        return config.botUsername().filter(b -> !b.isBlank()).isPresent();
    }

    @Override
    public String link(String token) {
        return "https://t.me/" + config.botUsername().orElse("") + "?start=" + token;
    }

    /**
     * Creates an invitation for {@code respondentId} to survey {@code surveyId} in {@code language}
     * (null: the respondent picks from the menu). Panel waves call this.
     */
    @Transactional
    public Invitation create(UUID respondentId, String surveyId, String language) {
        String bot = config.botUsername().filter(b -> !b.isBlank()).orElseThrow(() -> new StemException(ErrorCode.TELEGRAM_BOT_USERNAME_MISSING, "Set stem.telegram.bot-username to create Telegram invitation links"));
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        em().createNativeQuery("insert into invitations (token, respondent_id, survey_id, language, channel, created_at) values (?1, ?2, ?3, ?4, ?5, ?6)")
                .setParameter(1, token).setParameter(2, respondentId).setParameter(3, surveyId)
                .setParameter(4, language).setParameter(5, CHANNEL).setParameter(6, Timestamp.from(clock.instant()))
                .executeUpdate();
        return new Invitation(token, "https://t.me/" + bot + "?start=" + token);
    }

    /**
     * {@code /start <token>} from {@code chatId}: binds the chat to the invitation's respondent and
     * returns the survey to start. Empty (treat as a plain {@code /start}) when the token is malformed
     * or unknown, is for another channel, or its respondent is already on another Telegram chat.
     * <p>
     * A chat that was talking to Stem under another respondent is moved to the invited one: the
     * invitation is who they are to the panel. A redelivered update after a crash between this
     * commit and the conversation's finds the invitation used by this same chat with no session
     * started since, and starts it then.
     */
    @Transactional
    public Optional<Inbound.StartRequest> claim(String token, String chatId, String languageHint) {
        if (token == null || !TOKEN.matcher(token).matches()) {
            return Optional.empty();
        }
        EntityManager em = em();
        List<?> rows = em.createNativeQuery("select cast(respondent_id as text), survey_id, language, channel, used_at from invitations where token = ?1 for update")
                .setParameter(1, token).getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] row = (Object[]) rows.get(0);
        UUID respondentId = UUID.fromString((String) row[0]);
        String surveyId = (String) row[1];
        String language = (String) row[2];
        boolean used = row[4] != null;
        if (!CHANNEL.equals(row[3])) {
            return Optional.empty();
        }
        List<String> chats = identities(c -> identities.providerIds(c, respondentId, CHANNEL));
        boolean thisChat = chats.contains(chatId);
        if (!chats.isEmpty() && !thisChat) {
            return Optional.empty();
        }
        Inbound.StartRequest start = new Inbound.StartRequest(surveyId, language, languageHint);
        if (used) {
            Number since = (Number) em.createNativeQuery("select count(*) from sessions where respondent_id = ?1 and started_at >= ?2")
                    .setParameter(1, respondentId).setParameter(2, row[4]).getSingleResult();
            return thisChat && since.longValue() == 0 ? Optional.of(start) : Optional.empty();
        }
        identities(c -> {
            identities.link(c, respondentId, CHANNEL, chatId, clock.instant());
            return null;
        });
        em.createNativeQuery("update invitations set used_at = ?2 where token = ?1")
                .setParameter(1, token).setParameter(2, Timestamp.from(clock.instant())).executeUpdate();
        return Optional.of(start);
    }

    /** Identity work on the transaction's connection (the one the native queries above run on). */
    private <T> T identities(nl.stem.worker.Jdbc.Work<T> work) {
        try (Connection c = ds.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read or link the Telegram chat", e);
        }
    }

    private static EntityManager em() {
        return Panache.getEntityManager();
    }
}
