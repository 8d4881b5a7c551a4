package nl.stem.channel.whatsapp;

import java.io.InputStream;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

import jakarta.inject.Inject;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import nl.stem.api.ErrorCode;
import nl.stem.api.StemException;
import nl.stem.text.ExternalText;

/**
 * Delivery status callbacks, signed like inbound messages. Unknown MessageSids and statuses are
 * acknowledged and ignored (Twilio would only retry them).
 */
@Path("/webhooks/twilio/status")
public class TwilioStatusCallback {
    static final String PATH = "/webhooks/twilio/status";

    @Inject
    TwilioConfig config;
    @Inject
    TwilioSignatures signatures;
    @Inject
    DeliveryRecorder deliveries;
    @Inject
    Clock clock;

    @POST
    public Response status(@HeaderParam("X-Twilio-Signature") String signature, InputStream body) {
        signatures.requireConfigured();
        Map<String, String> params = FormBody.read(body, config.maxBodyBytes());
        signatures.verify(PATH, params, signature);
        params = ExternalText.cleanAll(params, TwilioWebhook.MAX_ID_LENGTH);

        String messageSid = params.get("MessageSid");
        if (messageSid == null || messageSid.isBlank()) {
            throw new StemException(ErrorCode.MISSING_FIELDS, "MessageSid is required");
        }
        Optional<DeliveryStatus> status = DeliveryStatus.parse(params.get("MessageStatus"));
        if (status.isEmpty()) {
            return Response.ok().build();
        }
        String errorCode = params.get("ErrorCode");
        // Opt-outs (21610) and numbers that cannot receive WhatsApp are marked unreachable there too.
        deliveries.record(messageSid, status.get(), errorCode, clock.instant());
        return Response.ok().build();
    }
}
