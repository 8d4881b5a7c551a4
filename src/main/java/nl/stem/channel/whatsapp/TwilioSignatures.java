package nl.stem.channel.whatsapp;

import java.util.Map;

import com.twilio.security.RequestValidator;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import nl.stem.api.ErrorCode;
import nl.stem.api.StemException;

/**
 * Checks {@code X-Twilio-Signature} against the public URL Twilio was given (never the URL this
 * server saw: a proxy may rewrite scheme, host or path). Runs before anything touches the database.
 */
@ApplicationScoped
public class TwilioSignatures {
    @Inject
    TwilioConfig config;
    @Inject
    nl.stem.config.StemConfig urls;

    /** 404 when the channel is off or has no public URL to validate against. */
    void requireConfigured() {
        if (!config.active() || urls.publicUrl().filter(u -> !u.isBlank()).isEmpty()) {
            throw new StemException(ErrorCode.WHATSAPP_NOT_CONFIGURED, "The WhatsApp channel is not configured here");
        }
    }

    /** The public URL of {@code path} (e.g. {@code /webhooks/twilio}). */
    String url(String path) {
        String base = urls.publicUrl().orElseThrow();
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path;
    }

    /** 403 unless {@code signature} is Twilio's for exactly these parameters posted to {@code path}. */
    void verify(String path, Map<String, String> params, String signature) {
        if (signature == null || signature.isBlank()
                || !new RequestValidator(config.authToken().orElseThrow()).validate(url(path), params, signature)) {
            throw new StemException(ErrorCode.BAD_SIGNATURE, "The X-Twilio-Signature header is missing or does not match");
        }
    }
}
