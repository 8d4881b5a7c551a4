package nl.stem.api.auth;

import java.util.Locale;
import java.util.Set;

/** What a token may do. An admin may do everything, so its identity also carries the other roles. */
public enum Role {
    RESEARCHER, COORDINATOR, ADMIN;

    public static final String RESEARCHER_NAME = "researcher";
    public static final String COORDINATOR_NAME = "coordinator";
    public static final String ADMIN_NAME = "admin";

    /** The role's name as stored and as used in {@code @RolesAllowed}. */
    public String roleName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The roles an identity with this role holds. */
    public Set<String> grants() {
        return this == ADMIN ? Set.of(ADMIN_NAME, RESEARCHER_NAME, COORDINATOR_NAME) : Set.of(roleName());
    }

    /** The role for a stored or requested name, or null when there is none. */
    public static Role parse(String name) {
        if (name == null) {
            return null;
        }
        for (Role r : values()) {
            if (r.roleName().equals(name)) {
                return r;
            }
        }
        return null;
    }
}
