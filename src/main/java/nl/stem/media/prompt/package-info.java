/**
 * Questions read aloud: the prompt files (recorded or generated with espeak-ng), the signed,
 * expiring public link Twilio fetches them from, and their generation at publishing.
 * <p>
 * Owns prompt_audio (survey content, nothing personal). The public link serves that table and
 * nothing else, so it can never expose an answer's media. Sending and storing layer: imports api
 * (errors), config, survey (the model).
 */
package nl.stem.media.prompt;
