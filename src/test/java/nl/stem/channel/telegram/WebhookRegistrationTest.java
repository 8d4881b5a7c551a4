package nl.stem.channel.telegram;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/** setWebhook as start-up with register-webhook=true calls it (called directly here: tests share one boot). */
@QuarkusTest
class WebhookRegistrationTest {
    @Inject
    WebhookRegistration registration;

    @Test
    void register_whenCalled_setsPublicUrlSecretAllowedUpdatesAndMaxConnections() throws Exception {
        FakeBotApi fake = FakeBotApi.get();
        int before = fake.calls("setWebhook").size();
        assertTrue(registration.register(registration.url(), TelegramUser.SECRET), "Telegram took it");
        FakeBotApi.Call call = fake.awaitCalls("setWebhook", before + 1, Duration.ofSeconds(5)).get(before);
        String body = call.body();
        assertTrue(body.contains("https://stem.example.test/webhooks/telegram"), body);
        assertTrue(body.contains(TelegramUser.SECRET), body);
        assertTrue(body.contains("callback_query") && body.contains("my_chat_member"), body);
        // The multipart part's headers end with an empty line; its content is the value.
        assertTrue(body.matches("(?s).*name=\"max_connections\"\r\n(?:[^\r\n]+\r\n)*\r\n40\r\n.*"), body);
    }
}
