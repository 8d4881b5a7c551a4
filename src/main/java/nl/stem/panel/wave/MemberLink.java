package nl.stem.panel.wave;

/**
 * A Telegram member's invitation link to hand out. Example:
 * {@code new MemberLink("M0042", "ti", "https://t.me/StemBot?start=q3T...", false)}.
 *
 * @param opened whether the member has opened it (their chat is linked)
 */
public record MemberLink(String memberId, String language, String link, boolean opened) {
}
