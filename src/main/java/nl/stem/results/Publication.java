package nl.stem.results;

import java.time.Instant;

/**
 * A wave's live public results: {@code /results/<token>}.
 *
 * @param waveId      the wave
 * @param token       43 characters of base64url from 32 random bytes
 * @param url         the public page's address (absolute when {@code stem.public-url} is set)
 * @param publishedBy who published it (a token name)
 * @param publishedAt when
 */
public record Publication(long waveId, String token, String url, String publishedBy, Instant publishedAt) {
}
