package nl.stem.media.prompt;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.jboss.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import nl.stem.config.StemConfig;

/**
 * Reads a text aloud with espeak-ng (Debian package {@code espeak-ng}) and encodes it as OGG/Opus
 * with opusenc (Debian's {@code opus-tools}): {@code espeak-ng -v <voice> --stdout <text>} gives a
 * WAV, {@code opusenc --speech --serial 1 - -} turns it into the voice-note format. A fixed serial
 * number makes the same text give the same bytes, so a prompt is kept once.
 * <p>
 * espeak-ng has no voice for Tigrinya, Somali, Pashto or Sorani: {@link #voice} gives none for
 * them, and Stem reports those languages instead of reading them with a voice of another language.
 * Dari is read with the Persian voice: the same language and script (Dari is the Persian of
 * Afghanistan), which espeak-ng's Persian rules pronounce.
 */
@ApplicationScoped
public class PromptSynthesizer {
    private static final Logger LOG = Logger.getLogger(PromptSynthesizer.class);

    /** Stem's language tags and the espeak-ng voice that speaks each (espeak-ng 1.51). */
    static final Map<String, String> VOICES = Map.ofEntries(
            Map.entry("nl", "nl"), Map.entry("en", "en"), Map.entry("ar", "ar"), Map.entry("fa", "fa"),
            Map.entry("prs", "fa"), Map.entry("kmr", "ku"), Map.entry("uk", "uk"), Map.entry("ru", "ru"),
            Map.entry("tr", "tr"), Map.entry("fr", "fr"));

    private final StemConfig config;

    public PromptSynthesizer(StemConfig config) {
        this.config = config;
    }

    /** The espeak-ng voice for a language, or empty when espeak-ng cannot speak it (ti, so, ps, ckb). */
    public static Optional<String> voice(String language) {
        return Optional.ofNullable(VOICES.get(language));
    }

    /** The text read aloud as OGG/Opus, or empty when the language has no voice or a program failed (logged). */
    public Optional<byte[]> speak(String language, String text) {
        Optional<String> voice = voice(language);
        if (voice.isEmpty() || text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            byte[] wav = run(List.of(config.audio().espeak(), "-v", voice.get(), "--stdout", text), new byte[0]);
            if (wav.length == 0) {
                return Optional.empty();
            }
            byte[] ogg = run(List.of(config.audio().opusenc(), "--quiet", "--speech", "--bitrate", "24", "--serial", "1", "-", "-"), wav);
            return ogg.length == 0 ? Optional.empty() : Optional.of(ogg);
        } catch (IOException e) {
            LOG.warnf("Could not read a prompt aloud in %s: %s", language, e.getMessage());
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** Runs a program with {@code input} on its standard input; its standard output, or an IOException when it fails. */
    private static byte[] run(List<String> command, byte[] input) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
            try (OutputStream in = p.getOutputStream()) {
                in.write(input);
            } catch (IOException e) {
                // The program stopped reading (it failed): its exit code says so below.
            }
        });
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (InputStream stdout = p.getInputStream()) {
            stdout.transferTo(out);
        }
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException(command.get(0) + " took longer than 60 s");
        }
        writer.join();
        if (p.exitValue() != 0) {
            throw new IOException(command.get(0) + " exited with " + p.exitValue());
        }
        return out.toByteArray();
    }
}
