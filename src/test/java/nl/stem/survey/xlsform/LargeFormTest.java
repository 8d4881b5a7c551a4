package nl.stem.survey.xlsform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/** A large real-sized form (1,500 questions in seven languages) reads, imports and validates in seconds, with a small heap. */
class LargeFormTest {

    @Test
    void largeForm_importsInSeconds() {
        String[] langs = {"Dutch (nl)", "English (en)", "Arabic (ar)", "Tigrinya (ti)", "Farsi (fa)", "Ukrainian (uk)", "Turkish (tr)"};
        Object[] header = new Object[3 + langs.length];
        header[0] = "type";
        header[1] = "name";
        header[2] = "relevant";
        for (int l = 0; l < langs.length; l++) {
            header[3 + l] = "label::" + langs[l];
        }
        Forms f = Forms.form().sheet("survey", header);
        for (int q = 0; q < 1500; q++) {
            Object[] row = new Object[header.length];
            row[0] = q % 3 == 0 ? "select_one yn" : q % 3 == 1 ? "integer" : "text";
            row[1] = "q" + q;
            row[2] = q > 0 && q % 3 == 1 ? "${q" + (q - 1) + "} = 'yes'" : null;
            for (int l = 0; l < langs.length; l++) {
                row[3 + l] = "Vraag " + q + " in " + langs[l] + " — " + "tekst ".repeat(8);
            }
            f.row(row);
        }
        Object[] choiceHeader = new Object[2 + langs.length];
        choiceHeader[0] = "list_name";
        choiceHeader[1] = "name";
        for (int l = 0; l < langs.length; l++) {
            choiceHeader[2 + l] = "label::" + langs[l];
        }
        f.sheet("choices", choiceHeader);
        for (String c : new String[] {"yes", "no"}) {
            Object[] row = new Object[choiceHeader.length];
            row[0] = "yn";
            row[1] = c;
            for (int l = 0; l < langs.length; l++) {
                row[2 + l] = c + " " + l;
            }
            f.row(row);
        }
        Object[] settingsHeader = new Object[2 + langs.length - 1];
        settingsHeader[0] = "form_id";
        settingsHeader[1] = "form_title";
        Object[] settings = new Object[settingsHeader.length];
        settings[0] = "groot";
        settings[1] = "Groot";
        for (int l = 1; l < langs.length; l++) {
            settingsHeader[1 + l] = "form_title::" + langs[l];
            settings[1 + l] = "Groot " + l;
        }
        f.sheet("settings", settingsHeader).row(settings);
        byte[] xlsx = f.xlsx();

        long start = System.nanoTime();
        XlsForms.Import i = XlsForms.read(xlsx, "groot.xlsx", ExampleSurveys.LOADER, XlsForms.Versions.NONE);
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertTrue(i.valid(), XlsFormImportTest.list(i));
        assertEquals(1500, i.result().survey().questions().size());
        assertTrue(took.toSeconds() < 20, "took " + took);
    }
}
