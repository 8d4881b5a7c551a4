package nl.stem.dashboard;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

import io.quarkus.security.ForbiddenException;

/**
 * The token a dashboard form carries against cross-site request forgery, besides the SameSite=Strict
 * cookie: derived from the session cookie ({@code SHA-256("form:" + cookie)}), so it needs no storage,
 * changes with every login, and a page of another site can neither read nor guess it. A request
 * without the cookie (a bearer token, sent by a program, not by a browser on its own) needs none.
 * Example: {@code <input type="hidden" name="form_token" value="{formToken}">} and
 * {@code FormTokens.check(cookie, formToken)} on submit.
 */
public final class FormTokens {
    /** The form field's name. */
    public static final String FIELD = "form_token";
    /** Why a form without its token was refused. */
    public static final String REFUSED = "The form has no valid form token: reload the page and try again";

    private FormTokens() {
    }

    /** The token for forms of the session with this cookie value; "" without a session cookie. */
    public static String of(String cookie) {
        if (cookie == null || cookie.isEmpty()) {
            return "";
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(("form:" + cookie).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Refuses (403) a form posted with a session cookie but without its token, or with another session's. */
    public static void check(String cookie, String submitted) {
        if (cookie == null || cookie.isEmpty()) {
            return;
        }
        byte[] expected = of(cookie).getBytes(StandardCharsets.US_ASCII);
        byte[] given = (submitted == null ? "" : submitted).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, given)) {
            throw new ForbiddenException(REFUSED);
        }
    }
}
