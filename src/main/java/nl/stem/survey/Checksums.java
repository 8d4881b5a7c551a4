package nl.stem.survey;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * SHA-256 over a survey's files: the survey file, then each translation file sorted by language,
 * then each recorded prompt's name and SHA-256 (none for most surveys, so their checksums stay as they were).
 * Every part is written as name and content with their lengths, so no two different sets of files
 * can concatenate to the same bytes.
 */
final class Checksums {
    private Checksums() {
    }

    static String of(SurveySource source) {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
        part(sha, "survey", source.surveyFile(), source.yaml());
        for (Map.Entry<String, SurveySource.TranslationFile> t : new TreeMap<>(source.translations()).entrySet()) {
            part(sha, t.getKey(), t.getValue().file(), t.getValue().content());
        }
        // Recordings are part of what was published: a new recording is a new version. Generated
        // prompts are not: they follow from the texts, which are already in.
        for (Map.Entry<String, PromptFile> a : source.audio().entrySet()) {
            if (!a.getValue().synthetic()) {
                part(sha, "audio", a.getKey(), a.getValue().sha256());
            }
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    /** Hex SHA-256 of some bytes (content addresses of prompt files). */
    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    private static void part(MessageDigest sha, String... fields) {
        for (String f : fields) {
            byte[] b = (f == null ? "" : f).getBytes(StandardCharsets.UTF_8);
            sha.update(ByteBuffer.allocate(8).putLong(b.length).array());
            sha.update(b);
        }
    }
}
