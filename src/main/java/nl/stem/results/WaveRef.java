package nl.stem.results;

import java.time.Instant;

/** A wave as the results name it: {@code new WaveRef(7, "Werk, november", inviteAt, "closed")}. */
public record WaveRef(long id, String name, Instant inviteAt, String status) {
}
