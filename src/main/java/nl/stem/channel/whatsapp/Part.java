package nl.stem.channel.whatsapp;

/**
 * One Twilio message: free-form {@code body}, or a Content template ({@code contentSid} with
 * {@code contentVariables} JSON) and no body.
 */
record Part(String body, String contentSid, String contentVariables) {
    static Part text(String body) {
        return new Part(body, null, null);
    }

    static Part template(String contentSid, String variables) {
        return new Part(null, contentSid, variables);
    }
}
