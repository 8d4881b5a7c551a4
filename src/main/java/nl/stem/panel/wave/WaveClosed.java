package nl.stem.panel.wave;

/** A wave was closed (committed): the scheduler cancels its queued messages. Example: {@code new WaveClosed(7)}. */
public record WaveClosed(long waveId) {
}
