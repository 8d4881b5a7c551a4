package nl.stem;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.Architectures;

import org.junit.jupiter.api.Test;

/**
 * Stem's dependency rules, checked on the compiled classes. Each package says in its
 * package-info what it may import; these rules hold them to it:
 * <ul>
 *   <li>the layers, from the entry points down to the helpers, and no import from a lower layer to
 *       a higher one ({@link #LAYERS});</li>
 *   <li>the engine, the survey model and the language helpers are pure: no framework, database or
 *       HTTP, no clock, no randomness, so the engine is deterministic and its transcripts golden.</li>
 * </ul>
 * Which class may write which table's SQL is {@link TableOwnersTest}'s.
 */
class ArchitectureTest {
    static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
            .importPackages("nl.stem");

    /** The layers, top to bottom: a layer may import those below it, never those above. */
    static Architectures.LayeredArchitecture layers() {
        return layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("entry points").definedBy(describe("nl.stem (StemStartup), dashboard, results",
                        c -> c.getPackageName().equals("nl.stem") || c.getPackageName().startsWith("nl.stem.dashboard")
                                || c.getPackageName().startsWith("nl.stem.results")))
                .layer("channels").definedBy("nl.stem.channel..")
                .layer("panel").definedBy("nl.stem.panel..", "nl.stem.privacy..")
                .layer("conversation").definedBy("nl.stem.conversation..")
                .layer("admin API").definedBy("nl.stem.api.auth..", "nl.stem.api.audit..", "nl.stem.api.export..",
                        "nl.stem.api.media..", "nl.stem.api.survey..")
                .layer("sending and storing").definedBy("nl.stem.outbox..", "nl.stem.media..", "nl.stem.identity..")
                .layer("HTTP errors").definedBy("nl.stem.api")
                .layer("engine").definedBy("nl.stem.engine..")
                .layer("surveys").definedBy("nl.stem.survey..")
                .layer("helpers").definedBy("nl.stem.language..", "nl.stem.translation..", "nl.stem.text..",
                        "nl.stem.audit..", "nl.stem.phone..", "nl.stem.db..", "nl.stem.config..", "nl.stem.worker..",
                        "nl.stem.time..", "nl.stem.web..")
                .whereLayer("entry points").mayNotBeAccessedByAnyLayer()
                .whereLayer("channels").mayOnlyBeAccessedByLayers("entry points")
                .whereLayer("panel").mayOnlyBeAccessedByLayers("entry points", "channels")
                .whereLayer("conversation").mayOnlyBeAccessedByLayers("entry points", "channels", "panel")
                .whereLayer("admin API").mayOnlyBeAccessedByLayers("entry points", "channels", "panel", "conversation")
                .whereLayer("sending and storing").mayOnlyBeAccessedByLayers("entry points", "channels", "panel",
                        "conversation", "admin API")
                .whereLayer("HTTP errors").mayOnlyBeAccessedByLayers("entry points", "channels", "panel", "conversation",
                        "admin API", "sending and storing")
                .whereLayer("engine").mayOnlyBeAccessedByLayers("entry points", "channels", "panel", "conversation",
                        "admin API", "sending and storing", "HTTP errors")
                .whereLayer("surveys").mayOnlyBeAccessedByLayers("entry points", "channels", "panel", "conversation",
                        "admin API", "sending and storing", "HTTP errors", "engine");
    }

    static final String[] PURE = {"nl.stem.engine..", "nl.stem.survey.model..", "nl.stem.language..", "nl.stem.survey.xlsform.."};
    /** Pure classes in packages that are not: the conversation's opening decision, and its records. */
    static final String PURE_CLASSES = "nl\\.stem\\.conversation\\.Opening(\\$.*)?";

    @Test
    void noPackageImportsALayerAboveIt() {
        layers().check(MAIN);
    }

    @Test
    void pureCode_usesNoFrameworkDatabaseOrHttp() {
        noClasses().that().resideInAnyPackage(PURE).or().haveNameMatching(PURE_CLASSES)
                .should().dependOnClassesThat().resideInAnyPackage("jakarta..", "javax.persistence..", "javax.sql..",
                        "io.quarkus..", "org.hibernate..", "io.vertx..", "okhttp3..", "java.net.http..", "org.apache.http..",
                        "java.sql..")
                .because("the engine is pure: the conversation service stores what it returns")
                .check(MAIN);
    }

    @Test
    void pureCode_readsNoClockAndDrawsNoRandomNumbers() {
        noClasses().that().resideInAnyPackage(PURE).or().haveNameMatching(PURE_CLASSES)
                .should().dependOnClassesThat().belongToAnyOf(Clock.class, Random.class, SecureRandom.class, ThreadLocalRandom.class)
                .orShould().callMethodWhere(describe("a clock's now() or a random UUID", ArchitectureTest::readsTheClock))
                .because("time comes in as `now`, so a transcript replays the same")
                .check(MAIN);
    }

    @Test
    void everyPackage_saysItsJobInAPackageInfo() throws IOException {
        Path root = Path.of("src/main/java");
        try (var dirs = Files.walk(root)) {
            List<String> missing = dirs.filter(Files::isDirectory)
                    .filter(d -> hasJava(d) && !Files.exists(d.resolve("package-info.java")))
                    .map(d -> root.relativize(d).toString().replace(File.separatorChar, '.')).sorted().toList();
            assertEquals(List.of(), missing, "packages without a package-info.java");
        }
    }

    private static boolean hasJava(Path dir) {
        try (var files = Files.list(dir)) {
            return files.anyMatch(f -> f.toString().endsWith(".java"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean readsTheClock(JavaMethodCall call) {
        String owner = call.getTargetOwner().getFullName();
        String name = call.getName();
        return name.equals("now") && (owner.equals(Instant.class.getName()) || owner.equals(LocalDateTime.class.getName())
                || owner.equals(LocalDate.class.getName()) || owner.equals(ZonedDateTime.class.getName())
                || owner.equals(OffsetDateTime.class.getName()))
                || owner.equals(System.class.getName()) && (name.equals("currentTimeMillis") || name.equals("nanoTime"))
                || owner.equals(UUID.class.getName()) && name.equals("randomUUID")
                || owner.equals(Math.class.getName()) && name.equals("random");
    }
}
