package nl.stem.conversation;

import nl.stem.engine.Input;

/**
 * A respondent's message, channel-neutral, as a channel adapter hands it to the conversation
 * service.
 *
 * @param channel           {@code preview}, {@code telegram}, {@code whatsapp}
 * @param providerMessageId the provider's id of this delivery (Telegram update_id, Twilio
 *                          MessageSid, the preview's client id): the de-duplication key
 * @param providerUserId    who sent it on that channel (chat id, phone number, preview token)
 * @param input             what they did
 * @param start             set to start (or restart) a given survey; null to continue
 * @param storedMedia       set when the channel already stored the media of {@code input} (preview uploads)
 * @param preview           answers are marked as preview and left out of results by default
 * @param languageHint      what the channel suggests about the sender's language, whatever the input
 *                          (text, button tap, media, /start): Telegram's language_code ({@code ar}),
 *                          the WhatsApp guess from number and script ({@code fa,prs,ps,ar}, most
 *                          likely first); null when the channel knows nothing. Only preselects.
 */
public record Inbound(String channel, String providerMessageId, String providerUserId, Input input,
                      StartRequest start, StoredMedia storedMedia, boolean preview, String languageHint) {

    /** A message whose channel gives no language hint. */
    public Inbound(String channel, String providerMessageId, String providerUserId, Input input,
                   StartRequest start, StoredMedia storedMedia, boolean preview) {
        this(channel, providerMessageId, providerUserId, input, start, storedMedia, preview, null);
    }

    /** Start survey {@code surveyId} (its newest version), in {@code language} when given. */
    public record StartRequest(String surveyId, String language, String languageHint) {
    }

    /** A file already in the media store. */
    public record StoredMedia(String sha256, long sizeBytes, String mimeType) {
    }
}
