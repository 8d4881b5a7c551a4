package nl.stem.config;

import java.nio.file.Path;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/** Stem's own configuration, prefix {@code stem.}; every key is listed in the README. */
@ConfigMapping(prefix = "stem")
public interface StemConfig {

    /**
     * The service's public base URL, e.g. {@code https://stem.example.org}: the Telegram webhook is
     * registered at {@code <public-url>/webhooks/telegram} (Twilio signatures are computed over it too).
     */
    Optional<String> publicUrl();

    Surveys surveys();

    Translations translations();

    Media media();

    Preview preview();

    Limits limits();

    Database database();

    Audio audio();

    /** Questions read aloud (docs/audio-prompts.md). */
    interface Audio {
        /** Longest a recorded prompt may play, in seconds; a longer one is refused at publishing. */
        @WithDefault("120")
        int maxSeconds();

        /** Generate a prompt with espeak-ng at start-up for each question and language that has no recording. */
        @WithDefault("false")
        boolean synthesize();

        /** The espeak-ng program (a name on the PATH or a full path). */
        @WithDefault("espeak-ng")
        String espeak();

        /** The opusenc program of Debian's opus-tools, which turns espeak-ng's WAV into OGG/Opus. */
        @WithDefault("opusenc")
        String opusenc();

        /**
         * Secret for the signed links Twilio fetches prompts from (env {@code STEM_AUDIO_LINK_SECRET});
         * unset: derived from the Twilio auth token, or random per process where there is none.
         */
        Optional<String> linkSecret();

        /** How long a signed prompt link stays valid. */
        @WithDefault("1h")
        java.time.Duration linkTtl();
    }

    interface Surveys {
        /** Directory of survey files ({@code <id>.yaml}), published at start-up. */
        @WithDefault("surveys")
        Path dir();

        /** An IoI taxonomy file that replaces the built-in one (researchers may extend it). */
        Optional<Path> taxonomyFile();

        /**
         * The survey a newcomer without an invitation starts (Telegram /start, a first WhatsApp
         * message). Unset: the only survey open to anyone, or a menu of them when there are several.
         */
        @WithName("default")
        Optional<String> defaultSurvey();
    }

    interface Translations {
        /** Directory of translations: {@code <survey>/<lang>.po}, and {@code _stem/<lang>.po} for Stem's own texts. */
        @WithDefault("translations")
        Path dir();
    }

    interface Media {
        /** Directory where media answers are stored, content-addressed by SHA-256. Never served publicly. */
        @WithDefault("data/media")
        Path dir();

        /** Largest media file accepted, in bytes (Telegram bots can download at most 20 MB). */
        @WithDefault("20971520")
        long maxBytes();
    }

    interface Preview {
        /** Whether the browser preview at /try is served. */
        @WithDefault("true")
        boolean enabled();
    }

    interface Limits {
        /** Longest text message accepted as an answer, in characters; longer gets a re-prompt. */
        @WithDefault("4096")
        int textLength();

        /** Largest JSON request body accepted by Stem's endpoints, in bytes. */
        @WithDefault("65536")
        int jsonBodyBytes();
    }

    interface Database {
        /** Create the configured PostgreSQL database at start-up when it does not exist yet. */
        @WithDefault("true")
        boolean createIfMissing();
    }
}
