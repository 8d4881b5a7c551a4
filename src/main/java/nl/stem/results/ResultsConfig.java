package nl.stem.results;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * What the results show and hide, prefix {@code stem.results}; every key is listed in the README.
 * Example: {@code STEM_RESULTS_MIN_CELL_SIZE=10} hides every group of fewer than 10 responses.
 */
@ConfigMapping(prefix = "stem.results")
public interface ResultsConfig {

    /**
     * The smallest group of responses whose figures are shown. A group with fewer (but more than
     * none) shows "&lt;k" instead, and a second group is hidden with it where the total would
     * otherwise give the first away. Applies to every page, JSON answer and CSV table.
     */
    @WithDefault("5")
    int minCellSize();

    /** Most groups in a breakdown; the smallest groups beyond it are summed as "other". */
    @WithDefault("30")
    int maxGroups();

    /** Open answers per page in the answer list. */
    @WithDefault("20")
    int pageSize();
}
