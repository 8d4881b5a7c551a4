package nl.stem.engine;

import nl.stem.survey.model.MediaRef;

/** What a respondent did, in channel-neutral form. */
public sealed interface Input {

    /**
     * Start a new session. {@code language} is an explicit choice (preview page, invitation) and
     * wins; otherwise {@code languageHint} preselects the menu: one tag (Telegram's language_code)
     * or a comma-separated list, most likely first (the WhatsApp guess), shown first in that order.
     * {@code audio} is the respondent's choice for questions read aloud (false: not; null: the
     * default, on wherever the survey has a prompt).
     * Example: {@code new Start(null, "ar-SY")}, {@code new Start(null, "fa,prs,ps,ar")}, {@code new Start("ps", null, false)}
     */
    record Start(String language, String languageHint, Boolean audio) implements Input {
        /** A start with the default for reading questions aloud. */
        public Start(String language, String languageHint) {
            this(language, languageHint, null);
        }
    }

    /** Typed text, as received (NFC normalisation is the engine's job). Example: {@code new Text("٣")} */
    record Text(String text) implements Input {
    }

    /** A tapped button's payload, as issued in {@link Button#payload()}. Example: {@code new ButtonTap("a:status:work")} */
    record ButtonTap(String payload) implements Input {
    }

    /** A voice note, audio, video or image. Example: {@code new Media(new MediaRef(AUDIO, "audio/ogg", 5120L, 4, "file-id"))} */
    record Media(MediaRef media) implements Input {
    }

    /** Something the survey cannot use (sticker, location, contact...). Example: {@code new Unsupported("sticker")} */
    record Unsupported(String kind) implements Input {
    }
}
