package nl.stem.channel.telegram;

/**
 * A created invitation. Example: {@code new Invitation("q3T...43 chars", "https://t.me/StemBot?start=q3T...")}.
 *
 * @param token the deep-link payload: 43 characters of {@code A-Za-z0-9_-}, unguessable
 * @param link  the link to send the panel member (by e-mail, SMS, a poster's QR code)
 */
public record Invitation(String token, String link) {
}
