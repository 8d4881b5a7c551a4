package nl.stem.channel.whatsapp;

/**
 * One Twilio message: free-form {@code body}, or a Content template ({@code contentSid} with
 * {@code contentVariables} JSON) and no body, or a media message ({@code mediaUrl}, a voice note).
 */
record Part(String body, String contentSid, String contentVariables, String mediaUrl) {
    Part(String body, String contentSid, String contentVariables) {
        this(body, contentSid, contentVariables, null);
    }

    static Part text(String body) {
        return new Part(body, null, null);
    }

    static Part template(String contentSid, String variables) {
        return new Part(null, contentSid, variables);
    }

    /** A voice note Twilio fetches from {@code url} (a signed prompt link), without text. */
    static Part media(String url) {
        return new Part(null, null, null, url);
    }
}
