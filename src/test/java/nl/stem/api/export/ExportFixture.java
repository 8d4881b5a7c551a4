package nl.stem.api.export;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.UUID;

import javax.sql.DataSource;

import nl.stem.api.PreviewDriver;

/**
 * Four respondents take "Veiligheid en stabiliteit" in the preview, once per test run:
 * <ul>
 * <li>{@code arabic}: harassed yes, multiple choice "where" = street + work (typed "1 3"), reported to police,
 * moves typed in Arabic-Indic digits, status "not applicable", an Arabic typed open answer;</li>
 * <li>{@code dutch}: harassed no (so "where" and "reported" are not asked), skips the optional open question;</li>
 * <li>{@code english}: answers the open question with a voice note;</li>
 * <li>{@code stopper}: stops after the first scale.</li>
 * </ul>
 */
final class ExportFixture {
    static final String SURVEY = "veiligheid_en_stabiliteit";
    static final String ARABIC_TEXT = "أشعر بالأمان عندما أعرف جيراني، \"حقاً\"";
    private static ExportFixture instance;

    final PreviewDriver arabic;
    final PreviewDriver dutch;
    final PreviewDriver english;
    final PreviewDriver stopper;
    final byte[] voice;
    final String arabicPseudonym;
    final String dutchPseudonym;
    final String englishPseudonym;
    final String stopperPseudonym;

    private ExportFixture(DataSource db) throws Exception {
        arabic = PreviewDriver.start(SURVEY, "ar").tap("a:consent:yes").tap("a:safe_area:4").tap("a:harassed:yes")
                .type("1 3").tap("a:reported:police").type("٣").tap("a:status_secure:na").type(ARABIC_TEXT);
        assertEquals("completed", arabic.status());
        dutch = PreviewDriver.start(SURVEY, "nl").tap("a:consent:yes").type("2").tap("a:harassed:no").type("0")
                .tap("a:status_secure:5").tap("a:safer:skip");
        assertEquals("completed", dutch.status());
        Path audio = Files.createTempFile("voice", ".ogg");
        voice = ("OggS a voice note " + UUID.randomUUID() + " ").repeat(40).getBytes();
        Files.write(audio, voice);
        english = PreviewDriver.start(SURVEY, "en").tap("a:consent:yes").tap("a:safe_area:1").tap("a:harassed:no_say")
                .type("1").tap("a:status_secure:3").upload(audio.toFile(), "audio/ogg");
        assertEquals("completed", english.status());
        stopper = PreviewDriver.start(SURVEY, "nl").tap("a:consent:yes").tap("a:safe_area:3").type("stop");
        assertEquals("stopped", stopper.status());
        arabicPseudonym = pseudonym(db, arabic.token);
        dutchPseudonym = pseudonym(db, dutch.token);
        englishPseudonym = pseudonym(db, english.token);
        stopperPseudonym = pseudonym(db, stopper.token);
    }

    static synchronized ExportFixture get(DataSource db) throws Exception {
        if (instance == null) {
            instance = new ExportFixture(db);
        }
        return instance;
    }

    /** Test-only look-up from the preview token to the pseudonym (exports never read channel identities). */
    private static String pseudonym(DataSource db, String token) throws Exception {
        try (Connection c = db.getConnection();
             PreparedStatement ps = c.prepareStatement("select r.pseudonym from channel_identities ci "
                     + "join respondents r on r.id = ci.respondent_id where ci.channel = 'preview' and ci.provider_id = ?")) {
            ps.setString(1, token);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    String[] tokens() {
        return new String[] {arabic.token, dutch.token, english.token, stopper.token};
    }
}
