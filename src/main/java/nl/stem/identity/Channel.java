package nl.stem.identity;

import java.util.List;
import java.util.Optional;

/**
 * The channels Stem talks on, by the name stored in {@code outbox.channel},
 * {@code channel_identities.channel} and {@code respondents.channel}. Example:
 * {@code Channel.of("whatsapp")} gives {@code WHATSAPP}, labelled "WhatsApp".
 */
public enum Channel {
    TELEGRAM("telegram", "Telegram"),
    WHATSAPP("whatsapp", "WhatsApp"),
    /** The browser preview at /try: never a panel member's channel. */
    PREVIEW("preview", "Preview");

    /** The channels a panel member is reached on, and waves send on. */
    public static final List<Channel> PANEL = List.of(TELEGRAM, WHATSAPP);

    private final String id;
    private final String label;

    Channel(String id, String label) {
        this.id = id;
        this.label = label;
    }

    /** The stored name, e.g. {@code telegram}. */
    public String id() {
        return id;
    }

    /** The name people read, e.g. {@code Telegram}. */
    public String label() {
        return label;
    }

    /** Whether {@code stored} names this channel. */
    public boolean is(String stored) {
        return id.equals(stored);
    }

    public static Optional<Channel> of(String stored) {
        for (Channel c : values()) {
            if (c.id.equals(stored)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    /** A panel member's channel, from its stored name. */
    public static Optional<Channel> panel(String stored) {
        return of(stored).filter(PANEL::contains);
    }
}
