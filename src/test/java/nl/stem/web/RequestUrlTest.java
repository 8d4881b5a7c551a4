package nl.stem.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.api.Test;

/** Paths and queries: malformed escapes, non-UTF-8 and characters Stem cannot hold are refused. */
class RequestUrlTest {

    @Test
    void problem_whenPlainOrWellEncoded_isEmpty() {
        assertEquals(Optional.empty(), RequestUrl.problem("/api/surveys/toegang_tot_werk", null));
        assertEquals(Optional.empty(), RequestUrl.problem("/api/members", "q=%D8%B3%D9%84%D8%A7%D9%85&attribute.region=Den+Haag&x"));
    }

    @Test
    void problem_whenAnEscapeIsBroken_saysSo() {
        assertTrue(RequestUrl.problem("/try/%%%", null).orElseThrow().contains("two hex digits"));
        assertTrue(RequestUrl.problem("/try", "after=%zz").orElseThrow().contains("'after'"));
        assertTrue(RequestUrl.problem("/x/%ff%fe", null).orElseThrow().contains("not UTF-8"));
    }

    @Test
    void problem_whenItDecodesToNulOrALoneSurrogate_refusesIt() {
        assertTrue(RequestUrl.problem("/api/surveys/a%00b", null).orElseThrow().contains("U+0000"));
        assertTrue(RequestUrl.problem("/api/export/long.csv", "survey=x%01").orElseThrow().contains("U+0001"));
        assertTrue(RequestUrl.problem("/x/%ED%A0%80", null).isPresent(), "an encoded surrogate half is not UTF-8");
    }
}
