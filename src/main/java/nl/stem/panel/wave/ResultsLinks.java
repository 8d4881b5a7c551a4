package nl.stem.panel.wave;

import java.util.Optional;

/**
 * The public link to a wave's results, for the feedback message's {@code {link}}. The results
 * package implements it ({@code results/Publications}), so the panel imports nothing of results.
 */
public interface ResultsLinks {
    /** The wave's live public results link, if it has one. */
    Optional<String> liveUrl(long waveId);
}
