package nl.stem.survey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class IoiTaxonomyTest {
    private final IoiTaxonomy t = IoiTaxonomy.builtIn();

    private static IoiTaxonomy load(String yaml) {
        return IoiTaxonomy.load(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void builtIn_whenLoaded_hasFourGroupsAndFourteenDomains() {
        assertEquals(List.of("markers_means", "social_connections", "facilitators", "foundation"),
                t.groups().stream().map(IoiGroup::id).toList());
        assertEquals(List.of("work", "housing", "education", "health_social_care", "leisure", "bonds", "bridges", "links",
                "language_communication", "culture", "digital_skills", "safety", "stability", "rights_responsibilities"),
                t.domains().stream().map(IoiDomain::id).toList());
        assertEquals(46, t.domains().stream().mapToInt(d -> d.indicators().size()).sum());
    }

    @Test
    void builtIn_whenAskedForNames_givesEnglishAndDutch() {
        IoiDomain work = t.domain("work").orElseThrow();
        assertEquals("Work", work.name("en"));
        assertEquals("Werk en inkomen", work.name("nl"));
        assertEquals("Work", work.name("ar"), "falls back to English");
        assertEquals("markers_means", work.group());
        assertEquals("IJkpunten en middelen", t.group("markers_means").orElseThrow().name("nl"));
        assertEquals("Rechten en verantwoordelijkheden", t.domain("rights_responsibilities").orElseThrow().name("nl"));
        assertEquals("foundation", t.domain("rights_responsibilities").orElseThrow().group());
    }

    @Test
    void contains_whenDomainOrDomainIndicator_isTrue() {
        assertTrue(t.contains("work"));
        assertTrue(t.contains("work.employment_status"));
        assertTrue(t.contains("stability.continuity_services"));
        assertFalse(t.contains("employment_status"));
        assertFalse(t.contains("work.continuity_services"));
        assertFalse(t.contains("markers_means"));
    }

    @Test
    void suggest_whenTypoOrMissingDomain_givesTheLikelyTag() {
        assertEquals(Optional.of("housing"), t.suggest("housng"));
        assertEquals(Optional.of("digital_skills.access"), t.suggest("digital_skills.acess"));
        assertEquals(Optional.of("bonds.someone_to_rely_on"), t.suggest("someone_to_rely_on"));
        assertEquals(Optional.of("work.employment_status"), t.suggest("work.employment"));
        assertEquals(Optional.empty(), t.suggest("completely_unrelated"));
    }

    @Test
    void load_whenResearchersExtendIt_acceptsTheirTags() {
        IoiTaxonomy own = load("""
                groups: [{id: local, name: {en: Local, nl: Lokaal}}]
                domains:
                  - id: neighbourhood
                    group: local
                    name: Neighbourhood
                    indicators: [{id: knows_neighbours, name: Knows neighbours}]
                """);
        assertTrue(own.contains("neighbourhood.knows_neighbours"));
        assertEquals("Neighbourhood", own.domain("neighbourhood").orElseThrow().name("nl"));
    }

    @Test
    void load_whenDomainNamesUnknownGroup_throwsWithTheReason() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> load("""
                groups: [{id: a, name: A}]
                domains: [{id: d, group: b, name: D}]
                """));
        assertEquals("domain d has unknown group b", e.getMessage());
    }
}
