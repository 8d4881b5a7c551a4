package nl.stem.conversation;

import nl.stem.engine.Input;

/**
 * Which language a new session starts in. Decided here and nowhere else; the rungs, first that
 * speaks wins:
 * <ol>
 * <li><b>The member's language.</b> A panel member's language, as the coordinator enrolled them
 * (the invitation's language, or the member's stored language, which their own later choice from
 * the menu replaces). It is what the research design asked for.</li>
 * <li><b>An explicit choice.</b> The language picked on the preview page, or picked from the
 * language menu in an earlier session (remembered on the respondent).</li>
 * <li><b>The channel's hint.</b> Telegram's {@code language_code}, or the WhatsApp guess from the
 * number's country and the script of the first text. A hint never fixes the language: the engine
 * shows the language menu in the hinted language, with the hinted languages first.</li>
 * <li><b>The fallback.</b> With no hint that fits, the menu is in the survey's source language
 * (Stem's own texts: English).</li>
 * </ol>
 * Example: a member enrolled in Arabic whose Telegram app is set to Dutch gets Arabic; a stranger
 * whose app is set to Arabic gets the language menu in Arabic, with العربية first.
 */
final class LanguageChoice {
    private LanguageChoice() {
    }

    /**
     * The start input for the engine: a language when rung 1 or 2 gives one (the engine starts in
     * it when the survey offers it), and the hint for the menu otherwise.
     *
     * @param memberLanguage the member's language (rung 1), or null
     * @param explicitChoice the respondent's own choice (rung 2), or null
     * @param hint           the channel's hint (rung 3), or null
     */
    static Input.Start decide(String memberLanguage, String explicitChoice, String hint) {
        String language = present(memberLanguage) ? memberLanguage : present(explicitChoice) ? explicitChoice : null;
        return new Input.Start(language, present(hint) ? hint : null);
    }

    /**
     * The rungs as a conversation gives them. {@code invited} is the language of the member's wave
     * invitation; a start request that is not a preview comes from an invitation link.
     */
    static Input.Start forInbound(Inbound in, Respondent respondent, String invited) {
        boolean member = respondent.memberId != null;
        Inbound.StartRequest start = in.start();
        String memberLanguage = first(invited, start != null && !in.preview() ? start.language() : null,
                member ? respondent.preferredLanguage : null);
        String explicit = first(start != null && in.preview() ? start.language() : null,
                in.input() instanceof Input.Start s ? s.language() : null,
                member ? null : respondent.preferredLanguage);
        String hint = first(in.languageHint(), start == null ? null : start.languageHint(),
                in.input() instanceof Input.Start s ? s.languageHint() : null);
        Input.Start start0 = decide(memberLanguage, explicit, hint);
        return new Input.Start(start0.language(), start0.languageHint(), respondent.audio());
    }

    private static String first(String... values) {
        for (String v : values) {
            if (present(v)) {
                return v;
            }
        }
        return null;
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }
}
