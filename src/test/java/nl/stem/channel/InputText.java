package nl.stem.channel;

import nl.stem.engine.Input;

/** An {@link Input} in a few words, for the channels' mapping tables: {@code text "نعم"}, {@code tap a:consent:yes}, {@code media AUDIO}. */
public final class InputText {
    private InputText() {
    }

    public static String of(Input input) {
        if (input instanceof Input.Text t) {
            return "text \"" + t.text() + "\"";
        }
        if (input instanceof Input.ButtonTap t) {
            return "tap " + t.payload();
        }
        if (input instanceof Input.Media m) {
            return "media " + m.media().kind();
        }
        if (input instanceof Input.Unsupported u) {
            return "unsupported " + u.kind();
        }
        if (input instanceof Input.Start s) {
            return s.language() == null ? "start" : "start " + s.language();
        }
        return String.valueOf(input);
    }
}
