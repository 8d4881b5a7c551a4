package nl.stem.engine;

import nl.stem.language.TextFold;

import java.util.Locale;
import java.util.Optional;

/** Recognises commands in typed text; the whole message must be the command, so answers that merely contain "stop" stay answers. */
final class Commands {
    private final Keywords keywords;

    Commands(Keywords keywords) {
        this.keywords = keywords;
    }

    /** Example: {@code detect("STOP")}, {@code detect("توقف")}, {@code detect("/stop@StemBot")} -> STOP. */
    Optional<Command> detect(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.strip();
        if (t.startsWith("/")) {
            // Telegram appends the bot's name in groups: "/stop@StemBot".
            String name = t.substring(1).split("[@\\s]", 2)[0].toLowerCase(Locale.ROOT);
            for (Command c : Command.values()) {
                if (c.word.equals(name)) {
                    return Optional.of(c);
                }
            }
        }
        if (TextFold.fold(t).length() > 40) {
            return Optional.empty();
        }
        for (Command c : Command.values()) {
            if (keywords.matches("words." + c.word, t)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }
}
