package nl.stem.survey.model;

/**
 * A media file a respondent sent, before or after it was downloaded.
 *
 * @param kind            audio, video or image
 * @param mimeType        as the provider reported it (may be null, e.g. Telegram video notes)
 * @param sizeBytes       as reported, null when unknown
 * @param durationSeconds as reported, null when unknown
 * @param providerRef     how to fetch it from the provider (Telegram file_id, Twilio media URL) or
 *                        the media object id when already stored (preview uploads)
 */
public record MediaRef(MediaKind kind, String mimeType, Long sizeBytes, Integer durationSeconds, String providerRef) {
}
