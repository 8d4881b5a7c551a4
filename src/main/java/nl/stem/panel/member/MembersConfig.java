package nl.stem.panel.member;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Panel member settings, prefix {@code stem.members.}. */
@ConfigMapping(prefix = "stem.members")
public interface MembersConfig {

    /**
     * Largest member CSV accepted by {@code POST /api/members/import}, in bytes; larger gets 413.
     * 20 MiB holds well over 100,000 members with a few attributes (at most {@code quarkus.http.limits.max-body-size}).
     */
    @WithDefault("20971520")
    int importMaxBytes();
}
