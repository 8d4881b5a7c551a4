package nl.stem.outbox;

import java.math.BigDecimal;

/**
 * The provider's price of one business-initiated message. Example: a marketing template to a Dutch
 * number, {@code new MessageCost("marketing", 31, new BigDecimal("0.1597"), "USD")}; {@code price} is
 * null when no price is configured for that category and country calling code.
 */
public record MessageCost(String category, int countryCode, BigDecimal price, String currency) {
}
