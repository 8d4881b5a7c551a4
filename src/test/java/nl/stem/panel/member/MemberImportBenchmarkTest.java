package nl.stem.panel.member;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.security.SecureRandom;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import nl.stem.api.ApiTokensForTests;

/**
 * Imports 100,000 members (80% WhatsApp) through the endpoint, sends the same file again, then a file
 * changing every member, and searches and erases among them; prints the times, asserts only the counts.
 * Only with {@code -Dbigimport=true} ({@code -Dbigimport.members=N} for another size). The members are
 * removed afterwards.
 */
@QuarkusTest
@EnabledIfSystemProperty(named = "bigimport", matches = "true")
class MemberImportBenchmarkTest {
    private static final List<String> LANGUAGES = List.of("ar", "ti", "fa", "prs", "uk", "tr", "so", "nl", "en", "fa-AF");

    @Inject
    DataSource db;

    @Test
    void import_ofAHundredThousandMembers_printsTheTimes() throws Exception {
        int members = Integer.getInteger("bigimport.members", 100_000);
        String p = Members.prefix();
        long base = 10_000_000L + new SecureRandom().nextInt(80_000_000);
        try {
            String first = file(p, members, base, "");
            System.out.printf("BIGIMPORT file of %,d members: %,d bytes%n", members, first.length());
            time("first import", members, () -> Members.importCsv(first), members, 0);
            time("same file again", members, () -> Members.importCsv(first), 0, 0);
            time("every member changed", members, () -> Members.importCsv(file(p, members, base, "x")), 0, members);
            long t = System.nanoTime();
            Response page = ApiTokensForTests.as("coordinator").get("/api/members?attribute.region=Utrecht&language=ar&limit=50&offset=1000");
            System.out.printf("BIGIMPORT search (attribute + language, offset 1000): %d ms, total %s%n",
                    (System.nanoTime() - t) / 1_000_000, page.path("total").toString());
            t = System.nanoTime();
            ApiTokensForTests.as("coordinator").delete("/api/members/" + p + (members / 2)).then().statusCode(204);
            System.out.printf("BIGIMPORT erase one member among them: %d ms%n", (System.nanoTime() - t) / 1_000_000);
        } finally {
            Members.update(db, "delete from respondents where member_id like ?", p + "%");
        }
    }

    private static void time(String what, int rows, java.util.function.Supplier<Response> call, int created, int updated) {
        long t = System.nanoTime();
        Response r = call.get();
        double seconds = (System.nanoTime() - t) / 1e9;
        r.then().statusCode(200);
        assertEquals(created, (int) r.path("created"));
        assertEquals(updated, (int) r.path("updated"));
        System.out.printf("BIGIMPORT %s: %,d rows in %.2f s (%,.0f rows/s) %s%n", what, rows, seconds, rows / seconds, r.asString());
    }

    private static String file(String prefix, int members, long base, String variant) {
        StringBuilder csv = new StringBuilder(members * 90);
        csv.append("member_id,channel,whatsapp_number,language,time_zone,consent,region,arrival_year,gender\n");
        for (int i = 0; i < members; i++) {
            boolean whatsapp = i % 5 != 0;
            csv.append(prefix).append(i).append(',')
                    .append(whatsapp ? "whatsapp" : "telegram").append(',')
                    .append(whatsapp ? "+44 79" + (base + i) : "").append(',')
                    .append(LANGUAGES.get(i % LANGUAGES.size())).append(',')
                    .append(i % 7 == 0 ? "Africa/Asmara" : "").append(',')
                    .append(i % 3 == 0 ? "given" : "").append(',')
                    .append(i % 4 == 0 ? "Utrecht" : "Amsterdam").append(variant).append(',')
                    .append(2014 + i % 11).append(',')
                    .append(i % 2 == 0 ? "v" : "m").append('\n');
        }
        return csv.toString();
    }
}
