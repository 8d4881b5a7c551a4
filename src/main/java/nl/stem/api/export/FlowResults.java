package nl.stem.api.export;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.ibm.icu.util.ULocale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import nl.stem.survey.model.AnswerValue;
import nl.stem.survey.model.ConsentQuestion;
import nl.stem.survey.model.MediaQuestion;
import nl.stem.survey.model.MultipleChoiceQuestion;
import nl.stem.survey.model.NumberQuestion;
import nl.stem.survey.model.OpenQuestion;
import nl.stem.survey.model.Question;
import nl.stem.survey.model.ScaleQuestion;
import nl.stem.survey.model.SingleChoiceQuestion;

/**
 * A Flow Results data package (FLOIP, specification 1.1.0): {@code datapackage.json} describing the
 * questions, and {@code responses.json} with one 7-field array per answer
 * {@code [timestamp, row_id, contact_id, session_id, question_id, response, response_metadata]}.
 * The contact id is the respondent's pseudonym; media responses are the API's download URL.
 */
@ApplicationScoped
public class FlowResults {
    public static final String SPEC_VERSION = "1.1.0";
    public static final String RESPONSES_FILE = "responses.json";

    @Inject
    ObjectMapper json;
    @Inject
    AnswerCursor cursor;

    /**
     * The package id: a UUID (version 4 layout) derived from the survey id, the versions covered and
     * the waves named, so that exporting the same versions (and waves) again keeps the id.
     */
    public static UUID packageId(ExportFilter f) {
        String key = "stem-flow-results:" + f.surveyId() + ":"
                + f.versions().stream().map(p -> String.valueOf(p.version().version())).collect(Collectors.joining(","))
                + (f.hasWaves() ? ":waves:" + f.waves().stream().map(String::valueOf).collect(Collectors.joining(",")) : "");
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            h[6] = (byte) ((h[6] & 0x0f) | 0x40);
            h[8] = (byte) ((h[8] & 0x3f) | 0x80);
            ByteBuffer b = ByteBuffer.wrap(h, 0, 16);
            return new UUID(b.getLong(), b.getLong());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The descriptor. {@code modified} is the time of the export. */
    public Map<String, Object> descriptor(ExportFilter f, Instant now) {
        Codebook codebook = CodebookBuilder.build(f);
        WideLayout layout = new WideLayout(f.versions());
        String versions = f.versions().stream().map(p -> String.valueOf(p.version().version())).collect(Collectors.joining("-"));
        String name = "stem-" + f.surveyId().replace('_', '-') + "-v" + versions
                + (f.hasWaves() ? "-w" + f.waves().stream().map(String::valueOf).collect(Collectors.joining("-")) : "");
        Map<String, Object> questions = new LinkedHashMap<>();
        for (QuestionColumn c : layout.columns()) {
            Codebook.Entry e = codebook.variables().stream().filter(v -> v.name().equals(c.id())).findFirst().orElseThrow();
            Map<String, Object> q = new LinkedHashMap<>();
            q.put("type", type(c.question()));
            q.put("label", CodebookBuilder.sourceText(codebook, e));
            q.put("type_options", typeOptions(c));
            q.put("semantic_labels", c.question().head().ioi());
            q.put("is_personal_information", false);
            questions.put(c.id(), q);
        }
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("language", iso3(codebook.sourceLanguage()));
        schema.put("fields", List.of(
                field("timestamp", "Timestamp", "datetime"),
                field("row_id", "Row ID", "string"),
                field("contact_id", "Contact ID", "string"),
                field("session_id", "Session ID", "string"),
                field("question_id", "Question ID", "string"),
                field("response", "Response", "any"),
                field("response_metadata", "Response Metadata", "object")));
        schema.put("questions", questions);
        Map<String, Object> resource = new LinkedHashMap<>();
        resource.put("name", name + "-responses");
        resource.put("path", RESPONSES_FILE);
        resource.put("api-data-url", null);
        resource.put("mediatype", "application/json");
        resource.put("encoding", "utf-8");
        resource.put("schema", schema);
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("profile", "flow-results-package");
        d.put("flow_results_specification_version", SPEC_VERSION);
        d.put("name", name);
        d.put("title", codebook.title());
        d.put("id", packageId(f).toString());
        d.put("created", rfc3339(f.versions().get(0).publishedAt()));
        d.put("modified", rfc3339(now));
        d.put("resources", List.of(resource));
        return d;
    }

    public void writeDescriptor(ExportFilter f, Instant now, OutputStream out) throws IOException {
        JsonGenerator g = json.getFactory().createGenerator(out, JsonEncoding.UTF8);
        g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        g.useDefaultPrettyPrinter();
        json.writeValue(g, descriptor(f, now));
        g.flush();
    }

    /** Streams the responses as a JSON array of arrays; {@code mediaBase} ends with a slash. Returns the count. */
    public long writeResponses(ExportFilter f, String mediaBase, OutputStream out) throws IOException {
        JsonGenerator g = json.getFactory().createGenerator(new BufferedOutputStream(out, 64 * 1024), JsonEncoding.UTF8);
        g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        // one flush at the end, not one per row
        ObjectWriter writer = json.writer().without(SerializationFeature.FLUSH_AFTER_WRITE_VALUE);
        g.writeStartArray();
        long n = cursor.forEach(f, AnswerCursor.Order.ANSWER, row -> {
            g.writeStartArray();
            g.writeString(rfc3339(row.answeredAt()));
            g.writeString(String.valueOf(row.id()));
            g.writeString(row.pseudonym());
            g.writeString(row.sessionId().toString());
            g.writeString(row.questionId());
            writeResponse(g, row, mediaBase);
            writer.writeValue(g, metadata(row));
            g.writeEndArray();
            g.writeRaw('\n');
        });
        g.writeEndArray();
        g.flush();
        return n;
    }

    private static void writeResponse(JsonGenerator g, AnswerRow row, String mediaBase) throws IOException {
        AnswerValue v = row.value();
        switch (v.kind()) {
            case CHOICE, CONSENT -> g.writeString(v.choices().isEmpty() ? null : v.choices().get(0));
            case CHOICES -> {
                g.writeStartArray();
                for (String c : v.choices()) {
                    g.writeString(c);
                }
                g.writeEndArray();
            }
            case NUMBER, SCALE -> g.writeNumber(v.number());
            case TEXT -> g.writeString(v.text());
            case MEDIA -> {
                if (row.mediaId() == null) {
                    g.writeNull();
                } else {
                    g.writeString(mediaBase + row.mediaId());
                }
            }
            case SKIPPED, NOT_APPLICABLE -> g.writeNull();
        }
    }

    private static Map<String, Object> metadata(AnswerRow row) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("language", iso3(row.language()));
        m.put("language_tag", row.language());
        m.put("channel", row.channel());
        m.put("survey_version", row.version());
        if (row.waveId() != null) {
            m.put("wave", row.waveId());
        }
        m.put("ioi_tags", row.ioiTags());
        if (row.value().kind() == AnswerValue.Kind.SKIPPED) {
            m.put("missing", "skipped");
            m.put("missing_code", Integer.valueOf(MissingCodes.SKIPPED));
        } else if (row.value().kind() == AnswerValue.Kind.NOT_APPLICABLE) {
            m.put("missing", "not_applicable");
            m.put("missing_code", Integer.valueOf(MissingCodes.NOT_APPLICABLE));
        }
        if (row.mediaId() != null) {
            m.put("format", row.mediaMime());
            if (row.mediaSize() != null) {
                m.put("file_size_mb", Math.round(row.mediaSize() / 1048576.0 * 1000) / 1000.0);
            }
            if (row.mediaDuration() != null) {
                m.put("duration_s", row.mediaDuration());
            }
        }
        return m;
    }

    static String type(Question q) {
        if (q instanceof SingleChoiceQuestion || q instanceof ConsentQuestion) {
            return "select_one";
        }
        if (q instanceof MultipleChoiceQuestion) {
            return "select_many";
        }
        if (q instanceof ScaleQuestion || q instanceof NumberQuestion) {
            return "numeric";
        }
        if (q instanceof OpenQuestion) {
            return "open";
        }
        if (q instanceof MediaQuestion m) {
            return m.type(); // audio, video, image
        }
        return "text";
    }

    private static Map<String, Object> typeOptions(QuestionColumn c) {
        Map<String, Object> o = new LinkedHashMap<>();
        Question q = c.question();
        if (q instanceof ConsentQuestion) {
            o.put("choices", List.of("yes"));
        } else if (q instanceof SingleChoiceQuestion || q instanceof MultipleChoiceQuestion) {
            List<String> ids = new ArrayList<>();
            c.choices().forEach(ch -> ids.add(ch.id()));
            o.put("choices", ids);
        } else if (q instanceof ScaleQuestion s) {
            o.put("range", List.of(s.min(), s.max()));
        } else if (q instanceof NumberQuestion n && n.min() != null && n.max() != null) {
            o.put("range", List.of(n.min(), n.max()));
        }
        return o;
    }

    private static Map<String, Object> field(String name, String title, String type) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("title", title);
        m.put("type", type);
        return m;
    }

    /** ISO 639-3 (three letters) for a BCP 47 tag, via ICU; the tag itself when ICU has none. */
    static String iso3(String tag) {
        if (tag == null) {
            return null;
        }
        try {
            String three = ULocale.forLanguageTag(tag).getISO3Language();
            return three == null || three.isEmpty() ? tag : three;
        } catch (java.util.MissingResourceException e) {
            return tag;
        }
    }

    static String rfc3339(Instant t) {
        return t == null ? null : DateTimeFormatter.ISO_INSTANT.format(t);
    }
}
