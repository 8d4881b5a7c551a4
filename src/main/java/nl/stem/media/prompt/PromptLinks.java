package nl.stem.media.prompt;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.eclipse.microprofile.config.ConfigProvider;

import jakarta.enterprise.context.ApplicationScoped;
import nl.stem.config.StemConfig;

/**
 * Signed, expiring links to prompt files: {@code /prompts/<sha256>.ogg?e=<epoch seconds>&s=<HMAC>}.
 * Twilio fetches a WhatsApp voice note from a URL it is given, without Stem's credentials, so the
 * link carries its own proof: HMAC-SHA256 over the file's hash and the expiry. The link names a
 * prompt by hash, and {@link PromptResource} serves only {@code prompt_audio}: a link can never
 * reach an answer's media, signed or not.
 * <p>
 * The key: {@code stem.audio.link-secret}; else one derived from the Twilio auth token (every
 * instance that sends WhatsApp has it); else random for this process (links then work only on the
 * instance that signed them, which is enough for the preview).
 */
@ApplicationScoped
public class PromptLinks {
    public static final String PATH = "/prompts/";

    private final StemConfig config;
    private final byte[] key;

    public PromptLinks(StemConfig config) {
        this.config = config;
        this.key = key(config.audio().linkSecret(),
                ConfigProvider.getConfig().getOptionalValue("stem.twilio.auth-token", String.class));
    }

    /** What checking a link found. */
    public enum Check { VALID, EXPIRED, INVALID }

    static byte[] key(Optional<String> secret, Optional<String> twilioToken) {
        if (secret.filter(s -> !s.isBlank()).isPresent()) {
            return secret.get().getBytes(StandardCharsets.UTF_8);
        }
        if (twilioToken.filter(s -> !s.isBlank()).isPresent()) {
            return hmac(twilioToken.get().getBytes(StandardCharsets.UTF_8), "stem prompt links");
        }
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        return random;
    }

    /** The path and query of a link to the prompt, valid for {@code stem.audio.link-ttl} from {@code now}. */
    public String path(String sha256, Instant now) {
        long expires = now.plus(config.audio().linkTtl()).getEpochSecond();
        return PATH + sha256 + ".ogg?e=" + expires + "&s=" + signature(sha256, expires);
    }

    /** The full public URL (for Twilio), from {@code stem.public-url}. */
    public Optional<String> url(String sha256, Instant now) {
        return config.publicUrl().filter(u -> !u.isBlank())
                .map(u -> (u.endsWith("/") ? u.substring(0, u.length() - 1) : u) + path(sha256, now));
    }

    /** Checks a link's parts, in constant time for the signature. */
    public Check check(String sha256, String expires, String signature, Instant now) {
        if (sha256 == null || !sha256.matches("[0-9a-f]{64}") || expires == null || !expires.matches("[0-9]{1,12}")
                || signature == null || signature.length() > 100) {
            return Check.INVALID;
        }
        long e = Long.parseLong(expires);
        byte[] expected = signature(sha256, e).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.US_ASCII))) {
            return Check.INVALID;
        }
        return now.getEpochSecond() > e ? Check.EXPIRED : Check.VALID;
    }

    private String signature(String sha256, long expires) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(hmac(key, sha256 + ":" + expires));
    }

    private static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JVM has HmacSHA256", e);
        }
    }
}
