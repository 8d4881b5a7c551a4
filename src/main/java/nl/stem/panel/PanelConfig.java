package nl.stem.panel;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Panel coordination settings, prefix {@code stem.panel}; every key is listed in the README. */
@ConfigMapping(prefix = "stem.panel")
public interface PanelConfig {

    /** The organisation's name as members know it: variable 1 of the WhatsApp templates (docs/whatsapp-templates.md). */
    @WithDefault("Stem")
    String organisation();

    /** A session without input this long expires; the respondent's next message starts afresh. */
    @WithDefault("18h")
    Duration sessionExpiry();

    /** The time zone of members who have none of their own. */
    @WithDefault("Europe/Amsterdam")
    ZoneId defaultTimeZone();

    /** Quiet hours in the member's time zone: no invitation or reminder goes out between start and end. */
    QuietHoursConfig quietHours();

    /** At most this many invitations and reminders per member within {@link #contactWindow()}, across waves. */
    @WithDefault("4")
    int maxContacts();

    @WithDefault("7d")
    Duration contactWindow();

    /** Most reminders a wave may ask for. */
    @WithDefault("5")
    int maxReminders();

    /** A reminder is not sent to someone who answered within this long (they are in the middle of it). */
    @WithDefault("12h")
    Duration reminderQuietAfterActivity();

    Scheduler scheduler();

    interface QuietHoursConfig {
        @WithDefault("21:00")
        LocalTime start();

        @WithDefault("09:00")
        LocalTime end();
    }

    interface Scheduler {
        /** Run reminders and session expiry on this instance. */
        @WithDefault("true")
        boolean enabled();

        @WithDefault("1m")
        Duration pollInterval();

        /** Most reminders queued per pass (the rest go on the next pass). */
        @WithDefault("2000")
        int batchSize();
    }
}
