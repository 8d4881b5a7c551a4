package nl.stem.channel.whatsapp;

import io.quarkus.test.common.QuarkusTestResource;

/** Starts {@link FakeTwilio} once for every @QuarkusTest (one Quarkus boot for all test classes). */
@QuarkusTestResource(value = FakeTwilio.class, restrictToAnnotatedClass = false)
public class FakeTwilioResource {
}
