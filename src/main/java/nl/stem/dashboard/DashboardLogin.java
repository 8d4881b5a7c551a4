package nl.stem.dashboard;

/**
 * Who a dashboard session belongs to: the API token it was opened with. Example:
 * {@code new DashboardLogin(12, "anna-coordinator", "coordinator")}.
 */
public record DashboardLogin(long tokenId, String tokenName, String role) {
}
