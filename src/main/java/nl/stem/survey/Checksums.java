package nl.stem.survey;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * SHA-256 over a survey's files: the survey file, then each translation file sorted by language.
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
        return HexFormat.of().formatHex(sha.digest());
    }

    private static void part(MessageDigest sha, String... fields) {
        for (String f : fields) {
            byte[] b = (f == null ? "" : f).getBytes(StandardCharsets.UTF_8);
            sha.update(ByteBuffer.allocate(8).putLong(b.length).array());
            sha.update(b);
        }
    }
}
