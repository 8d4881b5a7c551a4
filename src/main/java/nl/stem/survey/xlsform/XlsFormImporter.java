package nl.stem.survey.xlsform;

import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.ibm.icu.util.ULocale;

import nl.stem.survey.Suggestions;
import nl.stem.survey.SurveyProblem.Severity;
import nl.stem.survey.logic.And;
import nl.stem.survey.logic.Expr;
import nl.stem.survey.xlsform.XPathExpressions.X;
import nl.stem.survey.xlsform.XlsFormColumns.Column;
import nl.stem.survey.xlsform.XlsFormConditions.Kind;
import nl.stem.survey.xlsform.XlsFormConditions.Refused;
import nl.stem.text.ExternalText;

/**
 * Reads an XLSForm ({@code survey}, {@code choices}, {@code settings}) into a {@link SurveyDraft},
 * reporting everything Stem cannot take over with its sheet, row and column, all in one pass:
 * unsupported types and columns, unknown choice lists, duplicate names, conditions that refer to
 * unknown or later questions. Nothing is silently dropped: what Stem approximates (a date asked as
 * text) is a warning that says what Stem does instead, what it cannot do is an error.
 *
 * <p>The mapping is documented in {@code docs/xlsform.md}.
 */
final class XlsFormImporter {

    /** The draft (also when there are errors, so the validator can still report the rest) and every problem. */
    record Result(SurveyDraft draft, String version, List<XlsFormProblem> problems) {
    }

    static final Set<String> METADATA = Set.of("start", "end", "today", "deviceid", "subscriberid", "simserial",
            "phonenumber", "username", "email", "audit", "start-geopoint", "start_geopoint", "imei", "background-geopoint");
    private static final Set<String> UNSUPPORTED = Set.of("calculate", "hidden", "geopoint", "geotrace", "geoshape",
            "barcode", "file", "rank", "xml-external", "csv-external", "background-audio", "select_one_external",
            "select_multiple_external", "select_one_from_file", "select_multiple_from_file", "osm", "signature",
            "begin repeat", "end repeat", "begin loop", "end loop");
    private static final Set<String> KNOWN_TYPES = Set.of("text", "string", "integer", "int", "decimal", "note",
            "acknowledge", "trigger", "select_one", "select_multiple", "audio", "video", "image", "photo", "date",
            "time", "datetime", "range", "begin group", "end group");
    private static final Set<String> SURVEY_COLUMNS = Set.of("type", "name", "label", "hint", "required", "relevant",
            "constraint", "constraint_message", "appearance", "stem_type", "ioi", "optional", "consent", "parameters",
            "media", "guidance_hint", "required_message", "calculation", "choice_filter", "default", "readonly",
            "repeat_count", "trigger", "autoplay");
    private static final Set<String> SETTINGS_IGNORED = Set.of("style", "instance_name", "public_key", "submission_url",
            "allow_choice_duplicates", "namespaces", "clean_text_values", "auto_send", "auto_delete", "name",
            "omit_instanceid", "sms_keyword");
    private static final Set<String> YES = Set.of("yes", "true", "true()", "1", "y");
    private static final Set<String> NO = Set.of("no", "false", "false()", "0", "n");

    private final Workbook workbook;
    private final String fallbackId;
    private final List<XlsFormProblem> problems = new ArrayList<>();
    private final SurveyDraft d = new SurveyDraft();
    private final Set<String> reportedColumns = new HashSet<>();
    private String version;

    private Table survey;
    private Table choices;
    private Table settings;
    private SheetRow settingsRow;
    /** list name -> its choices in sheet order. */
    private final Map<String, List<ChoiceRow>> lists = new LinkedHashMap<>();
    /** every name of the survey sheet (first pass), for references. */
    private final Map<String, Entry> names = new LinkedHashMap<>();

    private XlsFormImporter(Workbook workbook, String fallbackId) {
        this.workbook = workbook;
        this.fallbackId = fallbackId;
    }

    /** @param fallbackId the survey id when settings has no form_id (the file name), or null */
    static Result read(Workbook workbook, String fallbackId) {
        XlsFormImporter i = new XlsFormImporter(workbook, fallbackId);
        i.run();
        return new Result(i.d, i.version, i.problems);
    }

    // ---- the sheets --------------------------------------------------------------------------------

    private static final class Table {
        final String name;
        final SheetRow header;
        final List<Column> columns = new ArrayList<>();
        final List<SheetRow> rows = new ArrayList<>();

        Table(Sheet sheet) {
            this.name = sheet.name();
            SheetRow h = null;
            for (SheetRow raw : sheet.rows()) {
                SheetRow r = cleaned(raw);
                if (h == null) {
                    if (!r.blank()) {
                        h = r;
                    }
                } else if (!r.blank()) {
                    rows.add(r);
                }
            }
            header = h;
            if (h != null) {
                for (SheetCell c : h.cells()) {
                    if (!c.value().isBlank()) {
                        columns.add(XlsFormColumns.parse(c.column(), c.value()));
                    }
                }
            }
        }

        Loc at(SheetRow row, Column c) {
            return new Loc(name, row.number(), c == null ? 0 : c.index(), c == null ? null : c.name());
        }

        Loc headerLoc(Column c) {
            return new Loc(name, header == null ? 1 : header.number(), c.index(), c.name());
        }

        Loc row(SheetRow row) {
            return new Loc(name, row.number(), 0, null);
        }
    }

    /** A choice as read, with its labels by language. */
    private record ChoiceRow(String name, String id, SheetRow row, Map<String, String> labels, Map<String, Loc> labelLocs, Loc nameLoc) {
    }

    /** A name of the survey sheet, from the first pass. */
    private static final class Entry {
        final String name;
        final String id;
        final int row;
        final Loc loc;
        boolean group;
        /** why Stem does not take it over, or null */
        String refused;
        XlsFormConditions.Question question;

        Entry(String name, String id, int row, Loc loc) {
            this.name = name;
            this.id = id;
            this.row = row;
            this.loc = loc;
        }
    }

    private void run() {
        java.util.Optional<Sheet> s = workbook.sheet("survey");
        if (s.isEmpty()) {
            problems.add(Loc.WORKBOOK.problem(Severity.ERROR, "no sheet named 'survey' (found: "
                    + String.join(", ", workbook.sheets().stream().map(Sheet::name).toList())
                    + "): an XLSForm has a survey sheet, and choices and settings sheets"));
            return;
        }
        survey = new Table(s.get());
        choices = workbook.sheet("choices").or(() -> workbook.sheet("choice")).map(Table::new).orElse(null);
        settings = workbook.sheet("settings").map(Table::new).orElse(null);
        for (Sheet other : workbook.sheets()) {
            String n = other.name().strip().toLowerCase(Locale.ROOT);
            if (Set.of("survey", "choices", "choice", "settings").contains(n)) {
                continue;
            }
            Table t = new Table(other);
            if (t.header == null) {
                continue;
            }
            if (n.equals("entities")) {
                problems.add(Loc.sheet(other.name()).problem(Severity.ERROR,
                        "ODK entity lists are not supported: Stem keeps no data between surveys"));
            } else if (n.equals("external_choices")) {
                problems.add(Loc.sheet(other.name()).problem(Severity.WARNING,
                        "external choices are not supported; the sheet is ignored (a select_one_external is refused where it is used)"));
            } else {
                problems.add(Loc.sheet(other.name()).problem(Severity.WARNING,
                        "the sheet is not part of an XLSForm (survey, choices, settings); Stem ignores it"));
            }
        }
        if (survey.header == null) {
            problems.add(Loc.sheet(survey.name).problem(Severity.ERROR, "the survey sheet is empty: it needs a header row "
                    + "(type, name, label) and a row per question"));
            return;
        }
        cellKinds(survey);
        if (choices != null) {
            cellKinds(choices);
        }
        if (settings != null) {
            cellKinds(settings);
            settingsRow = settings.rows.isEmpty() ? null : settings.rows.get(0);
            if (settings.rows.size() > 1) {
                problems.add(settings.row(settings.rows.get(1)).problem(Severity.WARNING,
                        "settings has more than one row of values: Stem reads the first one only"));
            }
        }
        if (column(survey, "type") == null) {
            problems.add(Loc.sheet(survey.name).problem(Severity.ERROR, "the survey sheet has no 'type' column"));
            return;
        }
        if (column(survey, "name") == null) {
            problems.add(Loc.sheet(survey.name).problem(Severity.ERROR, "the survey sheet has no 'name' column"));
            return;
        }
        settings();
        languages();
        if (d.sourceLanguage == null) {
            return;
        }
        choiceLists();
        firstPass();
        questions();
        title();
        if (d.questions.isEmpty() && problems.stream().noneMatch(XlsFormProblem::isError)) {
            problems.add(Loc.sheet(survey.name).problem(Severity.ERROR, "the form has no questions"));
        }
    }

    /** Formulas, error values and dates are refused wherever they are: the form must say plain values. */
    private void cellKinds(Table t) {
        List<SheetRow> all = new ArrayList<>();
        all.add(t.header);
        all.addAll(t.rows);
        for (SheetRow r : all) {
            for (SheetCell c : r.cells()) {
                Loc at = new Loc(t.name, r.number(), c.column(), header(t, c.column()));
                switch (c.kind()) {
                    case FORMULA -> problems.add(at.problem(Severity.ERROR, "the cell is a formula: Stem needs the value "
                            + "itself (type it, or paste the cells as values)"));
                    case ERROR -> problems.add(at.problem(Severity.ERROR, "the cell holds the error value " + c.value()));
                    case DATE -> problems.add(at.problem(Severity.ERROR, "the spreadsheet turned this cell into a date: "
                            + "format the cell as text and type it again"));
                    default -> {
                    }
                }
            }
        }
    }

    private static String header(Table t, int column) {
        for (Column c : t.columns) {
            if (c.index() == column) {
                return c.name();
            }
        }
        return null;
    }

    // ---- settings ----------------------------------------------------------------------------------

    private void settings() {
        if (settings == null) {
            d.settingsLoc = Loc.WORKBOOK;
            return;
        }
        d.settingsLoc = settingsRow == null ? Loc.sheet(settings.name) : settings.row(settingsRow);
        Set<String> seen = new HashSet<>();
        for (Column c : settings.columns) {
            String b = c.base();
            String value = settingsRow == null ? "" : text(settingsRow, c);
            if (!b.equals("form_title") && !seen.add(b)) {
                problems.add(settings.headerLoc(c).problem(Severity.ERROR, "a second '" + b + "' column"));
                continue;
            }
            switch (b) {
                case "form_title", "form_id", "version", "default_language" -> {
                }
                case "open_to_anyone" -> {
                    Boolean v = yesNo(value);
                    if (v == null && !value.isEmpty()) {
                        problems.add(settings.at(settingsRow, c).problem(Severity.ERROR, "open_to_anyone must be yes or no, found '" + value + "'"));
                    }
                    d.openToAnyone = Boolean.TRUE.equals(v);
                }
                default -> {
                    if (value.isEmpty()) {
                        continue;
                    }
                    if (SETTINGS_IGNORED.contains(b)) {
                        problems.add(settings.at(settingsRow, c).problem(Severity.INFO, "'" + c.name()
                                + "' has no meaning for a chat survey; Stem ignores it"));
                    } else {
                        problems.add(settings.at(settingsRow, c).problem(Severity.WARNING, "'" + c.name()
                                + "' is neither an XLSForm setting nor one of Stem's (open_to_anyone); Stem ignores it"));
                    }
                }
            }
        }
        Column id = column(settings, "form_id");
        if (id != null && settingsRow != null && !text(settingsRow, id).isEmpty()) {
            String written = text(settingsRow, id);
            d.id = Names.questionId(written);
            d.idLoc = settings.at(settingsRow, id);
            if (!d.id.equals(written)) {
                problems.add(d.idLoc.problem(Severity.WARNING, "form_id '" + written + "' is written '" + d.id
                        + "' in Stem: ids are lower case, with _ for - and ."));
            }
        }
        Column v = column(settings, "version");
        if (v != null && settingsRow != null) {
            version = text(settingsRow, v);
        }
    }

    // ---- languages ---------------------------------------------------------------------------------

    private void languages() {
        String declared = null;
        Loc declaredLoc = d.settingsLoc;
        Column dl = settings == null ? null : column(settings, "default_language");
        if (dl != null && settingsRow != null && !text(settingsRow, dl).isEmpty()) {
            String written = text(settingsRow, dl);
            declaredLoc = settings.at(settingsRow, dl);
            XlsFormColumns.Resolved r = XlsFormColumns.language(written);
            if (r.tag() == null) {
                problems.add(declaredLoc.problem(Severity.ERROR, "default_language " + r.problem()));
            } else {
                declared = r.tag();
            }
        }
        // the language columns, and which of them name a language Stem does not know
        List<Table> tables = new ArrayList<>();
        tables.add(survey);
        if (choices != null && choices.header != null) {
            tables.add(choices);
        }
        if (settings != null && settings.header != null) {
            tables.add(settings);
        }
        for (Table t : tables) {
            for (Column c : t.columns) {
                if (c.languageProblem() != null && (c.translatable() || c.base().equals("media"))) {
                    problems.add(t.headerLoc(c).problem(Severity.ERROR, "column " + c.name() + ": " + c.languageProblem()));
                }
            }
        }
        // every language with a label column of the survey sheet is offered
        List<String> offered = new ArrayList<>();
        boolean plainLabel = false;
        Column firstLabel = null;
        for (Column c : survey.columns) {
            if (!c.base().equals("label")) {
                continue;
            }
            if (c.language() == null && c.languageWritten() == null) {
                plainLabel = true;
                firstLabel = firstLabel == null ? c : firstLabel;
            } else if (c.language() != null) {
                firstLabel = firstLabel == null ? c : firstLabel;
                if (!offered.contains(c.language())) {
                    offered.add(c.language());
                    d.languageLocs.putIfAbsent(c.language(), survey.headerLoc(c));
                }
            }
        }
        if (firstLabel == null) {
            problems.add(Loc.sheet(survey.name).problem(Severity.ERROR, "the survey sheet has no label column "
                    + "(label, or one per language such as label::Dutch (nl))"));
            return;
        }
        String source;
        if (declared != null) {
            source = declared;
            if (!plainLabel && !offered.contains(declared)) {
                problems.add(declaredLoc.problem(Severity.ERROR, "default_language is " + display(declared)
                        + " but no label column is in it"));
                return;
            }
        } else if (plainLabel) {
            problems.add((settingsRow == null ? survey.headerLoc(firstLabel) : declaredLoc).problem(Severity.ERROR,
                    "the 'label' column names no language: set default_language in settings (e.g. 'Dutch (nl)'), "
                            + "or name the column label::Dutch (nl)"));
            return;
        } else {
            source = offered.get(0);
            problems.add(survey.headerLoc(firstLabel).problem(Severity.INFO, "no default_language in settings: "
                    + display(source) + ", the first label column, is the language the survey is written in"));
        }
        d.sourceLanguage = source;
        d.languages.add(source);
        offered.stream().filter(l -> !l.equals(source)).forEach(d.languages::add);
        if (plainLabel) {
            Column plain = survey.columns.stream().filter(c -> c.base().equals("label") && c.languageWritten() == null).findFirst().orElseThrow();
            d.languageLocs.putIfAbsent(source, survey.headerLoc(plain));
        }
        // the same text twice (label and label::Dutch (nl)), or a language only some columns have
        for (Table t : tables) {
            Map<String, Column> seen = new HashMap<>();
            for (Column c : t.columns) {
                if (!c.translatable()) {
                    continue;
                }
                String lang = c.language() != null ? c.language() : c.languageWritten() == null ? source : null;
                if (lang == null) {
                    continue;
                }
                String slot = c.base() + "|" + c.media() + "|" + lang;
                Column before = seen.putIfAbsent(slot, c);
                if (before != null) {
                    problems.add(t.headerLoc(c).problem(Severity.ERROR, "'" + c.name() + "' and '" + before.name()
                            + "' (" + Cells.columnName(before.index()) + ") both give the " + display(lang) + " " + c.base()));
                } else if (!d.languages.contains(lang) && !c.base().equals("form_title")) {
                    warnColumn(t, c, "the survey has no label::" + display(lang) + " column, so Stem does not offer "
                            + display(lang) + "; the column is ignored");
                }
            }
        }
    }

    private static String display(String tag) {
        String name = ULocale.forLanguageTag(tag).getDisplayName(ULocale.ENGLISH);
        return name + " (" + tag + ")";
    }

    /** The column of one kind in one language (null: the source-language column without a language). */
    private Column translated(Table t, String base, String media, String lang) {
        for (Column c : t.columns) {
            if (!c.base().equals(base) || (media != null && !media.equals(c.media()))) {
                continue;
            }
            String l = c.language() != null ? c.language() : c.languageWritten() == null ? d.sourceLanguage : null;
            if (lang.equals(l)) {
                return c;
            }
        }
        return null;
    }

    // ---- choices -----------------------------------------------------------------------------------

    private void choiceLists() {
        if (choices == null || choices.header == null) {
            return;
        }
        Column list = column(choices, "list_name");
        Column name = column(choices, "name");
        if (list == null || name == null) {
            problems.add(Loc.sheet(choices.name).problem(Severity.ERROR, "the choices sheet needs the columns list_name and name"
                    + " (found: " + String.join(", ", choices.columns.stream().map(Column::name).toList()) + ")"));
            return;
        }
        for (Column c : choices.columns) {
            switch (c.base()) {
                case "list_name", "name", "label" -> {
                }
                case "media" -> warnColumn(choices, c, "Stem sends no images, audio or video with choices; the column is ignored");
                default -> warnColumn(choices, c, "'" + c.name() + "' is not a choices column Stem uses (choice_filter, "
                        + "which such columns serve, is not supported); the column is ignored");
            }
        }
        Map<String, Map<String, Loc>> seen = new HashMap<>();
        for (SheetRow r : choices.rows) {
            String l = text(r, list);
            String n = text(r, name);
            if (l.isEmpty() && n.isEmpty()) {
                continue;
            }
            if (l.isEmpty()) {
                problems.add(choices.at(r, list).problem(Severity.ERROR, "the choice '" + n + "' has no list_name"));
                continue;
            }
            if (n.isEmpty()) {
                problems.add(choices.at(r, name).problem(Severity.ERROR, "a choice of list '" + l + "' has no name"));
                continue;
            }
            String id = Names.choiceId(n);
            Map<String, Loc> ids = seen.computeIfAbsent(l, k -> new HashMap<>());
            Loc first = ids.get(id);
            if (first != null) {
                problems.add(choices.at(r, name).problem(Severity.ERROR, "list '" + l + "' has the choice '" + n + "' twice (first at "
                        + first.where() + ")"));
                continue;
            }
            ids.put(id, choices.at(r, name));
            Map<String, String> labels = new LinkedHashMap<>();
            Map<String, Loc> labelLocs = new LinkedHashMap<>();
            for (String lang : d.languages) {
                Column c = translated(choices, "label", null, lang);
                if (c == null) {
                    labelLocs.put(lang, choices.at(r, translated(choices, "label", null, d.sourceLanguage)));
                    continue;
                }
                labelLocs.put(lang, choices.at(r, c));
                String v = value(r, c);
                if (!v.isEmpty()) {
                    labels.put(lang, v);
                }
            }
            lists.computeIfAbsent(l, k -> new ArrayList<>()).add(new ChoiceRow(n, id, r, labels, labelLocs, choices.at(r, name)));
        }
    }

    // ---- the survey sheet --------------------------------------------------------------------------

    /** Every name with its row, so a condition can be told "asked later" or "not taken over". */
    private void firstPass() {
        Column name = column(survey, "name");
        Column type = column(survey, "type");
        for (SheetRow r : survey.rows) {
            String n = text(r, name);
            if (n.isEmpty()) {
                continue;
            }
            String t = normalType(text(r, type));
            Entry e = new Entry(n, Names.questionId(n), r.number(), survey.at(r, name));
            e.group = t.startsWith("begin group") || t.startsWith("begin repeat") || t.startsWith("begin loop");
            names.putIfAbsent(n, e);
        }
    }

    private record Group(String name, Expr relevant, boolean refused, Loc loc) {
    }

    private void questions() {
        Column type = column(survey, "type");
        Column name = column(survey, "name");
        for (Column c : survey.columns) {
            surveyColumn(c);
        }
        Deque<Group> groups = new ArrayDeque<>();
        Deque<Loc> repeats = new ArrayDeque<>();
        Map<String, Loc> ids = new HashMap<>();
        for (SheetRow r : survey.rows) {
            String rawType = text(r, type);
            String t = normalType(rawType);
            String n = text(r, name);
            Loc typeLoc = survey.at(r, type);
            if (t.isEmpty()) {
                problems.add(typeLoc.problem(Severity.ERROR, "the row has no type"));
                continue;
            }
            if (t.startsWith("end repeat") || t.startsWith("end loop")) {
                if (repeats.isEmpty()) {
                    problems.add(typeLoc.problem(Severity.ERROR, "'" + rawType + "' without a begin repeat before it"));
                } else {
                    repeats.pop();
                }
                continue;
            }
            if (t.startsWith("begin repeat") || t.startsWith("begin loop")) {
                if (repeats.isEmpty()) {
                    problems.add(typeLoc.problem(Severity.ERROR, "repeats are not supported: Stem asks each question once; "
                            + "the questions up to the matching end repeat are left out"));
                    refuse(n, "it is a repeat");
                }
                repeats.push(typeLoc);
                continue;
            }
            if (!repeats.isEmpty()) {
                refuse(n, "it is inside a repeat");
                continue;
            }
            if (!n.isEmpty() && !t.startsWith("end group")) {
                String id = Names.questionId(n);
                Loc first = ids.putIfAbsent(id, survey.at(r, name));
                if (first != null) {
                    problems.add(survey.at(r, name).problem(Severity.ERROR, "the name '" + n + "' is used twice (first at "
                            + first.where() + ")"));
                    continue;
                }
            }
            if (t.startsWith("begin group")) {
                Expr relevant = null;
                boolean refused = false;
                Column rel = column(survey, "relevant");
                if (rel != null && !text(r, rel).isEmpty()) {
                    try {
                        relevant = relevant(r, rel, text(r, rel), r.number());
                    } catch (Refused e) {
                        refused = true;
                    }
                }
                Column label = translated(survey, "label", null, d.sourceLanguage);
                if (label != null && !text(r, label).isEmpty()) {
                    problems.add(survey.at(r, label).problem(Severity.WARNING, "groups are flattened: their questions are asked "
                            + "one by one, in order" + (relevant == null ? "" : ", each under the group's relevant")
                            + "; the group's label is not shown (add a note to say it)"));
                }
                for (String other : List.of("appearance", "parameters")) {
                    Column c = column(survey, other);
                    if (c != null && !text(r, c).isEmpty() && !text(r, c).equals("field-list")) {
                        problems.add(survey.at(r, c).problem(Severity.INFO, "'" + text(r, c) + "' on a group has no meaning in a chat; ignored"));
                    }
                }
                groups.push(new Group(n, relevant, refused, survey.at(r, type)));
                if (!n.isEmpty() && names.containsKey(n)) {
                    names.get(n).group = true;
                }
                continue;
            }
            if (t.startsWith("end group")) {
                if (groups.isEmpty()) {
                    problems.add(typeLoc.problem(Severity.ERROR, "'" + rawType + "' without a begin group before it"));
                } else {
                    groups.pop();
                }
                continue;
            }
            question(r, rawType, t, n, groups);
        }
        for (Group g : groups) {
            problems.add(g.loc().problem(Severity.ERROR, "begin group '" + g.name() + "' has no end group"));
        }
        for (Loc l : repeats) {
            problems.add(l.problem(Severity.ERROR, "begin repeat has no end repeat"));
        }
    }

    private void refuse(String name, String why) {
        Entry e = name == null || name.isEmpty() ? null : names.get(name);
        if (e != null && e.refused == null) {
            e.refused = why;
        }
    }

    /** One question row. */
    private void question(SheetRow r, String rawType, String t, String n, Deque<Group> groups) {
        Column typeCol = column(survey, "type");
        Column nameCol = column(survey, "name");
        Loc typeLoc = survey.at(r, typeCol);
        String[] words = t.split(" ");
        String base = words[0];
        if (t.startsWith("select one ") || t.startsWith("select all that apply ") || t.startsWith("select1 ")) {
            base = t.startsWith("select all that apply") ? "select_multiple" : "select_one";
            words = (base + " " + t.substring(t.startsWith("select1 ") ? 8 : t.startsWith("select one ") ? 11 : 22)).split(" ");
        }
        if (METADATA.contains(base)) {
            problems.add(typeLoc.problem(Severity.INFO, metadata(base)));
            refuse(n, "it is " + base + ", which Stem does not ask");
            return;
        }
        if (UNSUPPORTED.contains(base) || UNSUPPORTED.contains(t)) {
            problems.add(typeLoc.problem(Severity.ERROR, unsupported(base)));
            refuse(n, "its type " + base + " is not supported");
            return;
        }
        if (!KNOWN_TYPES.contains(base)) {
            problems.add(typeLoc.problem(Severity.ERROR, "unknown type '" + rawType + "'" + Suggestions.didYouMean(base, KNOWN_TYPES)));
            refuse(n, "its type is unknown");
            return;
        }
        if (n.isEmpty()) {
            problems.add(survey.at(r, nameCol).problem(Severity.ERROR, "the " + base + " has no name"));
            return;
        }
        Entry entry = names.get(n);
        SurveyDraft.Question q = new SurveyDraft.Question();
        q.id = Names.questionId(n);
        q.loc = survey.at(r, nameCol);
        q.typeLoc = typeLoc;
        if (!q.id.equals(n)) {
            problems.add(q.loc.problem(Severity.WARNING, "the name '" + n + "' is written '" + q.id + "' in Stem: ids are lower case, with _ for - and ."));
        }
        d.text(q.id + ".text", d.sourceLanguage, null, null); // the question's text comes first among its texts
        String stemType = option(r, "stem_type").toLowerCase(Locale.ROOT);
        String appearance = option(r, "appearance").toLowerCase(Locale.ROOT);
        boolean consent = yes(r, "consent");
        Kind kind;
        switch (base) {
            case "text", "string" -> {
                if (stemType.equals("open")) {
                    q.type = "open";
                } else {
                    q.type = "text";
                    stemTypeNotFor(r, stemType, "text", "open");
                }
                kind = Kind.TEXT;
            }
            case "date", "time", "datetime" -> {
                problems.add(typeLoc.problem(Severity.WARNING, "Stem has no " + base + " questions: it asks this as text, "
                        + "and the answer is what the respondent types"));
                q.type = "text";
                kind = Kind.TEXT;
            }
            case "integer", "int", "decimal" -> {
                q.type = "number";
                q.decimal = base.equals("decimal");
                kind = Kind.NUMBER;
            }
            case "range" -> {
                q.type = "number";
                kind = Kind.NUMBER;
                if (!range(r, q)) {
                    refuse(n, "its range cannot be taken over");
                    return;
                }
            }
            case "note" -> {
                q.type = "info";
                kind = Kind.INFO;
            }
            case "acknowledge", "trigger" -> {
                if (consent) {
                    q.type = "consent";
                    kind = Kind.CONSENT;
                } else {
                    problems.add(typeLoc.problem(Severity.WARNING, "Stem has no acknowledge questions: it shows this as a message "
                            + "and moves on; set consent to yes to make it Stem's consent question (yes goes on, no ends the survey)"));
                    q.type = "info";
                    kind = Kind.INFO;
                }
            }
            case "audio", "video", "image", "photo" -> {
                q.type = base.equals("photo") ? "image" : base;
                kind = Kind.MEDIA;
            }
            case "select_one", "select_multiple" -> {
                if (words.length < 2) {
                    problems.add(typeLoc.problem(Severity.ERROR, base + " needs the name of its choice list, as in '" + base + " yes_no'"));
                    refuse(n, "it has no choice list");
                    return;
                }
                if (words.length > 2) {
                    String extra = String.join(" ", java.util.Arrays.copyOfRange(words, 2, words.length));
                    problems.add(typeLoc.problem(Severity.ERROR, extra.equals("or_other")
                            ? "or_other is not supported: add an 'other' choice, and a text question with relevant selected(${" + n + "}, 'other')"
                            : "unexpected '" + extra + "' after the list name"));
                    refuse(n, "its type cannot be taken over");
                    return;
                }
                String listName = rawListName(rawType);
                List<ChoiceRow> list = lists.get(listName);
                if (list == null) {
                    problems.add(typeLoc.problem(Severity.ERROR, "the choice list '" + listName + "' does not exist"
                            + (choices == null ? ": the form has no choices sheet" : " in the choices sheet"
                            + Suggestions.didYouMean(listName, lists.keySet()))));
                    refuse(n, "its choice list does not exist");
                    return;
                }
                kind = choiceQuestion(r, q, base, list, stemType, appearance, consent, entry);
                if (kind == null) {
                    refuse(n, "its choices cannot be taken over");
                    return;
                }
            }
            default -> throw new IllegalStateException(base);
        }
        if (consent && !q.type.equals("consent")) {
            Column c = column(survey, "consent");
            problems.add(survey.at(r, c).problem(Severity.ERROR, "consent applies to an acknowledge or to a select_one of two choices (yes, no), not to " + rawType));
        }
        if (!stemType.isEmpty() && !Set.of("open", "likert", "scale").contains(stemType)) {
            Column c = column(survey, "stem_type");
            problems.add(survey.at(r, c).problem(Severity.ERROR, "unknown stem_type '" + stemType + "': Stem's own types are likert (a select_one of 1..n as a scale) and open (text, voice or video)"));
        }
        boolean answerable = !q.type.equals("info");
        if (entry != null && entry.question == null) {
            entry.question = new XlsFormConditions.Question(q.id, kind, Map.of(), null, null);
        }
        texts(r, q);
        optional(r, q, answerable);
        when(r, q, groups);
        constraint(r, q, kind);
        parameters(r, q);
        appearance(r, q, appearance);
        ioi(r, q);
        audio(r, q);
        ignoredCells(r);
        d.questions.add(q);
    }

    private void stemTypeNotFor(SheetRow r, String stemType, String type, String allowed) {
        if (!stemType.isEmpty() && !stemType.equals(allowed) && Set.of("open", "likert", "scale").contains(stemType)) {
            Column c = column(survey, "stem_type");
            problems.add(survey.at(r, c).problem(Severity.ERROR, "stem_type " + stemType + " does not apply to a " + type + " question"));
        }
    }

    /** A select: a single or multiple choice, a likert scale, or a consent. Null when it cannot be taken over. */
    private Kind choiceQuestion(SheetRow r, SurveyDraft.Question q, String base, List<ChoiceRow> list, String stemType,
                                String appearance, boolean consent, Entry entry) {
        Map<String, String> ids = new LinkedHashMap<>();
        list.forEach(c -> ids.put(c.name(), c.id()));
        boolean likert = stemType.equals("likert") || stemType.equals("scale") || appearance.contains("likert");
        if (base.equals("select_one") && consent) {
            if (list.size() != 2) {
                problems.add(survey.at(r, column(survey, "consent")).problem(Severity.ERROR,
                        "a consent select_one needs a list of exactly two choices (yes, then no); this list has " + list.size()));
                return null;
            }
            q.type = "consent";
            problems.add(survey.at(r, column(survey, "type")).problem(Severity.INFO, "consent: '" + list.get(0).name()
                    + "' is yes (goes on), '" + list.get(1).name() + "' is no (ends the survey politely); the buttons say yes and no in Stem's own words"));
            if (entry != null) {
                entry.question = new XlsFormConditions.Question(q.id, Kind.CONSENT, ids, list.get(0).name(), list.get(1).name());
            }
            return Kind.CONSENT;
        }
        if (base.equals("select_one") && likert) {
            Kind k = scale(r, q, list, !stemType.isEmpty());
            if (k != null) {
                if (entry != null) {
                    entry.question = new XlsFormConditions.Question(q.id, Kind.SCALE, ids, null, null);
                }
                return k;
            }
            if (!stemType.isEmpty()) {
                return null;
            }
        } else if (likert) {
            problems.add(survey.at(r, column(survey, stemType.isEmpty() ? "appearance" : "stem_type")).problem(
                    stemType.isEmpty() ? Severity.INFO : Severity.ERROR, "likert applies to a select_one"
                            + (stemType.isEmpty() ? "; ignored" : "")));
            if (!stemType.isEmpty()) {
                return null;
            }
        }
        q.type = base.equals("select_one") ? "single_choice" : "multiple_choice";
        for (ChoiceRow c : list) {
            q.choices.add(new SurveyDraft.Choice(c.id(), c.nameLoc()));
            if (!c.id().equals(c.name())) {
                problems.add(c.nameLoc().problem(Severity.WARNING, "the choice name '" + c.name() + "' is written '" + c.id()
                        + "' in Stem: ids are lower case, with _ for - and ."));
            }
        }
        if (entry != null) {
            entry.question = new XlsFormConditions.Question(q.id, base.equals("select_one") ? Kind.SINGLE : Kind.MULTIPLE, ids, null, null);
        }
        return base.equals("select_one") ? Kind.SINGLE : Kind.MULTIPLE;
    }

    /**
     * A select_one of whole numbers (1..5, 0..10), optionally with a choice 'na', as a Stem scale:
     * the labels of the lowest and highest point are its end labels, 'na' its "not applicable".
     * Null when the list is not such a scale (reported as an error when stem_type asked for one).
     */
    private Kind scale(SheetRow r, SurveyDraft.Question q, List<ChoiceRow> list, boolean asked) {
        List<ChoiceRow> points = new ArrayList<>();
        ChoiceRow na = null;
        List<String> other = new ArrayList<>();
        for (ChoiceRow c : list) {
            if (c.name().matches("-?\\d+")) {
                points.add(c);
            } else if (c.name().equalsIgnoreCase("na") || c.name().equalsIgnoreCase("not_applicable")) {
                na = c;
            } else {
                other.add(c.name());
            }
        }
        String why = null;
        List<Integer> values = points.stream().map(c -> Integer.parseInt(c.name())).sorted().toList();
        if (!other.isEmpty()) {
            why = "its choices are not all whole numbers (" + String.join(", ", other) + ")";
        } else if (values.size() < 2 || values.size() > 11) {
            why = "a scale has 2 to 11 points, this list has " + values.size();
        } else if (values.get(values.size() - 1) - values.get(0) + 1 != values.size()) {
            why = "its numbers " + values + " are not consecutive";
        }
        Loc at = survey.at(r, column(survey, asked ? "stem_type" : "appearance"));
        if (why != null) {
            problems.add(at.problem(asked ? Severity.ERROR : Severity.WARNING, asked
                    ? "a likert scale needs choices named by consecutive whole numbers (1 to 5), and optionally 'na': " + why
                    : "appearance likert, but " + why + ": Stem asks it as a single choice"));
            return null;
        }
        q.type = "scale";
        q.scaleMin = values.get(0);
        q.scaleMax = values.get(values.size() - 1);
        q.notApplicable = na != null;
        ChoiceRow low = points.stream().filter(c -> Integer.parseInt(c.name()) == q.scaleMin).findFirst().orElseThrow();
        ChoiceRow high = points.stream().filter(c -> Integer.parseInt(c.name()) == q.scaleMax).findFirst().orElseThrow();
        q.scaleLoc = low.nameLoc();
        choiceText(q.id + ".min_label", low, q.id);
        choiceText(q.id + ".max_label", high, q.id);
        List<String> middle = new ArrayList<>();
        for (ChoiceRow c : points) {
            String label = c.labels().get(d.sourceLanguage);
            if (c != low && c != high && label != null && !label.strip().equals(c.name())) {
                middle.add(c.name());
            }
        }
        if (!middle.isEmpty()) {
            problems.add(at.problem(Severity.WARNING, "Stem shows the points between " + q.scaleMin + " and " + q.scaleMax
                    + " as numbers only: the labels of " + String.join(", ", middle) + " are not shown"));
        }
        if (na != null) {
            problems.add(na.nameLoc().problem(Severity.INFO, "'" + na.name() + "' is Stem's own 'not applicable' button, "
                    + "in Stem's words in every language; its label here is not used"));
        }
        return Kind.SCALE;
    }

    /** A choice's labels as a text of the question (a scale's end label). */
    private void choiceText(String key, ChoiceRow c, String qid) {
        for (String lang : d.languages) {
            String v = c.labels().get(lang);
            if (lang.equals(d.sourceLanguage) && v == null) {
                problems.add(c.labelLocs().get(lang).problem(Severity.ERROR, "the choice '" + c.name() + "' has no label in " + display(lang)));
                v = c.name();
            }
            d.text(key, lang, v, c.labelLocs().get(lang));
        }
    }

    /** A range question as a number with its bounds (start, end; step 1). */
    private boolean range(SheetRow r, SurveyDraft.Question q) {
        Map<String, String> p = parameterMap(r);
        Column pc = column(survey, "parameters");
        Loc at = pc == null ? q.typeLoc : survey.at(r, pc);
        try {
            BigDecimal start = new BigDecimal(p.getOrDefault("start", "1"));
            BigDecimal end = new BigDecimal(p.getOrDefault("end", "10"));
            BigDecimal step = new BigDecimal(p.getOrDefault("step", "1"));
            q.decimal = step.stripTrailingZeros().scale() > 0 || start.stripTrailingZeros().scale() > 0;
            q.min = start.min(end);
            q.max = start.max(end);
            q.boundsLoc = at;
            problems.add(q.typeLoc.problem(Severity.WARNING, "Stem has no range widget: it asks for a number from "
                    + q.min.toPlainString() + " to " + q.max.toPlainString()
                    + (step.compareTo(BigDecimal.ONE) == 0 ? "" : " (any, not only steps of " + step.toPlainString() + ")")));
            return true;
        } catch (NumberFormatException e) {
            problems.add(at.problem(Severity.ERROR, "range parameters must be numbers: start=1 end=10 step=1"));
            return false;
        }
    }

    private void texts(SheetRow r, SurveyDraft.Question q) {
        String key = q.id + ".text";
        Column source = translated(survey, "label", null, d.sourceLanguage);
        String label = source == null ? "" : value(r, source);
        if (label.isEmpty()) {
            problems.add(survey.at(r, source).problem(Severity.ERROR, "the question has no label in " + display(d.sourceLanguage)));
        }
        for (String lang : d.languages) {
            Column c = translated(survey, "label", null, lang);
            String v = c == null ? "" : value(r, c);
            if (lang.equals(d.sourceLanguage) && v.isEmpty()) {
                v = q.id; // reported above; keeps the validator from saying it again
            }
            d.text(key, lang, v.isEmpty() ? null : piping(v, r, c), survey.at(r, c != null ? c : source));
        }
        optionalText(r, q, "hint", "hint");
        for (String lang : d.languages) {
            Column hint = translated(survey, "hint", null, lang);
            if (hint != null) {
                piping(value(r, hint), r, hint);
            }
        }
        if ("single_choice".equals(q.type) || "multiple_choice".equals(q.type)) {
            List<ChoiceRow> list = lists.get(rawListName(text(r, column(survey, "type"))));
            for (ChoiceRow c : list) {
                choiceText(q.id + ".choice." + c.id(), c, q.id);
            }
        }
    }

    /** {@code ${name}} in a label: XLSForm fills in the answer; Stem does not, so it would show as written. */
    private String piping(String v, SheetRow r, Column c) {
        if (v.contains("${") && c != null) {
            String key = "piping|" + r.number() + "|" + c.index();
            if (reportedColumns.add(key)) {
                int start = v.indexOf("${");
                int end = v.indexOf('}', start);
                String ref = end < 0 || end - start > 60 ? "${...}" : v.substring(start, end + 1);
                problems.add(survey.at(r, c).problem(Severity.ERROR, "the text refers to an answer (" + ref
                        + "): Stem does not fill answers into texts; say it without the answer"));
            }
        }
        return v;
    }

    /** hint or constraint_message in every language, when the source language has one. */
    private void optionalText(SheetRow r, SurveyDraft.Question q, String base, String suffix) {
        Column source = translated(survey, base, null, d.sourceLanguage);
        String text = source == null ? "" : value(r, source);
        if (text.isEmpty()) {
            for (String lang : d.languages) {
                Column c = translated(survey, base, null, lang);
                if (c != null && !value(r, c).isEmpty()) {
                    problems.add(survey.at(r, c).problem(Severity.WARNING, base + " in " + display(lang) + " but not in "
                            + display(d.sourceLanguage) + ": ignored"));
                }
            }
            return;
        }
        String key = q.id + "." + suffix;
        for (String lang : d.languages) {
            Column c = translated(survey, base, null, lang);
            String v = c == null ? "" : value(r, c);
            d.text(key, lang, v.isEmpty() ? null : v, survey.at(r, c != null ? c : source));
        }
    }

    private void optional(SheetRow r, SurveyDraft.Question q, boolean answerable) {
        Column req = column(survey, "required");
        Column opt = column(survey, "optional");
        String required = req == null ? "" : text(r, req).toLowerCase(Locale.ROOT);
        String optional = opt == null ? "" : text(r, opt).toLowerCase(Locale.ROOT);
        if (!answerable) {
            if (YES.contains(required)) {
                problems.add(survey.at(r, req).problem(Severity.INFO, "a note has no answer: required does not apply"));
            }
            return;
        }
        if (q.type.equals("consent")) {
            return; // consent is always answered: yes goes on, no ends
        }
        Boolean isRequired = required.isEmpty() ? Boolean.FALSE : YES.contains(required) ? Boolean.TRUE : NO.contains(required) ? Boolean.FALSE : null;
        if (isRequired == null) {
            problems.add(survey.at(r, req).problem(Severity.WARNING, "Stem cannot make a question required only sometimes ('"
                    + text(r, req) + "'): it may be skipped"));
            isRequired = false;
        }
        q.optional = !isRequired;
        q.optionalLoc = req == null ? q.loc : survey.at(r, req);
        if (!optional.isEmpty()) {
            Boolean o = yesNo(optional);
            if (o == null) {
                problems.add(survey.at(r, opt).problem(Severity.ERROR, "optional must be yes or no, found '" + text(r, opt) + "'"));
            } else if (o && isRequired) {
                problems.add(survey.at(r, opt).problem(Severity.ERROR, "optional is yes but required is " + text(r, req) + ": choose one"));
            } else {
                q.optional = o;
                q.optionalLoc = survey.at(r, opt);
            }
        }
    }

    private void when(SheetRow r, SurveyDraft.Question q, Deque<Group> groups) {
        Expr combined = null;
        List<Group> outerFirst = new ArrayList<>(groups);
        java.util.Collections.reverse(outerFirst);
        for (Group g : outerFirst) {
            if (g.refused()) {
                return; // the group's relevant was refused, with its reason
            }
            if (g.relevant() != null) {
                combined = combined == null ? g.relevant() : new And(combined, g.relevant());
            }
        }
        Column rel = column(survey, "relevant");
        Loc at = rel == null ? q.loc : survey.at(r, rel);
        if (rel != null && !text(r, rel).isEmpty()) {
            try {
                Expr own = relevant(r, rel, text(r, rel), r.number());
                combined = combined == null ? own : new And(combined, own);
            } catch (Refused e) {
                return;
            }
        } else if (combined != null) {
            at = outerFirst.stream().filter(g -> g.relevant() != null).reduce((a, b) -> b).map(Group::loc).orElse(q.loc);
        }
        if (combined != null) {
            q.when = XlsFormConditions.stem(combined);
            q.whenLoc = at;
        }
    }

    /** A relevant as a Stem condition; the problem is reported here, and Refused thrown to say there is none. */
    private Expr relevant(SheetRow r, Column c, String source, int row) throws Refused {
        Loc at = survey.at(r, c);
        try {
            X x = XPathExpressions.parse(source);
            XlsFormConditions.Translation t = XlsFormConditions.relevant(x, name -> resolve(name, row));
            t.warnings().forEach(w -> problems.add(at.problem(Severity.WARNING, w)));
            return t.expr();
        } catch (XPathExpressions.SyntaxError e) {
            problems.add(at.problem(Severity.ERROR, "'relevant' does not parse: " + e.getMessage()));
            throw new Refused(e.getMessage());
        } catch (Refused e) {
            String m = e.getMessage();
            problems.add(at.problem(Severity.ERROR, (m.startsWith("refers") ? "'relevant' " : "'relevant': ") + m));
            throw e;
        }
    }

    /** What ${name} means at a row: an earlier question Stem took over, or why not. */
    private XlsFormConditions.Question resolve(String name, int row) throws Refused {
        Entry e = names.get(name);
        if (e == null) {
            throw new Refused("refers to unknown question '" + name + "'" + Suggestions.didYouMean(name, names.keySet()));
        }
        if (e.group) {
            throw new Refused("refers to the group '" + name + "', which has no answer");
        }
        if (e.row == row) {
            throw new Refused("refers to its own question '" + name + "': a relevant looks at earlier answers (in a constraint, write '.')");
        }
        if (e.row > row) {
            throw new Refused("refers to '" + name + "', which is asked later (" + e.loc.where()
                    + "): Stem's conditions look only at earlier answers");
        }
        if (e.refused != null) {
            throw new Refused("refers to '" + name + "' (" + e.loc.where() + "), which Stem could not take over: " + e.refused);
        }
        if (e.question == null) {
            throw new Refused("refers to '" + name + "' (" + e.loc.where() + "), which Stem could not take over");
        }
        if (e.question.kind() == Kind.INFO) {
            throw new Refused("refers to the note '" + name + "', which has no answer");
        }
        return e.question;
    }

    private void constraint(SheetRow r, SurveyDraft.Question q, Kind kind) {
        Column c = column(survey, "constraint");
        String source = c == null ? "" : text(r, c);
        boolean bounded = false;
        if (!source.isEmpty()) {
            Loc at = survey.at(r, c);
            try {
                X x = XPathExpressions.parse(source);
                XlsFormConditions.Bounds b;
                switch (q.type) {
                    case "number" -> {
                        b = XlsFormConditions.numberBounds(x, textOf(r, "name"), q.decimal);
                        if (q.min != null || q.max != null) {
                            throw new Refused("a range question takes its bounds from parameters, not from a constraint");
                        }
                        q.min = b.min();
                        q.max = b.max();
                    }
                    case "text", "open" -> {
                        b = XlsFormConditions.textBounds(x, textOf(r, "name"));
                        if (b.max() != null) {
                            q.maxLength = b.max().intValueExact(); // the validator checks it is 1 to 4096
                        }
                    }
                    case "multiple_choice" -> {
                        b = XlsFormConditions.selectionBounds(x, textOf(r, "name"));
                        q.minChosen = b.min() == null ? null : b.min().intValueExact();
                        q.maxChosen = b.max() == null ? null : b.max().intValueExact();
                    }
                    default -> throw new Refused("Stem checks constraints on numbers (a range), text (string-length) and "
                            + "select_multiple (count-selected); a " + q.type.replace('_', ' ') + " question takes any of its answers");
                }
                q.boundsLoc = at;
                bounded = true;
                for (String note : b.notes()) {
                    Severity s = note.startsWith("warning:") ? Severity.WARNING : Severity.INFO;
                    problems.add(at.problem(s, note.substring(note.indexOf(':') + 1)));
                }
            } catch (XPathExpressions.SyntaxError e) {
                problems.add(at.problem(Severity.ERROR, "'constraint' does not parse: " + e.getMessage()));
            } catch (Refused e) {
                problems.add(at.problem(Severity.ERROR, "'constraint': " + e.getMessage()));
            } catch (ArithmeticException e) {
                problems.add(at.problem(Severity.ERROR, "'constraint': the bound is not a whole number that fits"));
            }
        }
        Column cm = translated(survey, "constraint_message", null, d.sourceLanguage);
        if (cm != null && !value(r, cm).isEmpty()) {
            if (!bounded && source.isEmpty()) {
                problems.add(survey.at(r, cm).problem(Severity.WARNING, "constraint_message without a constraint is never shown; ignored"));
                return;
            }
            if (!Set.of("number", "text", "open", "multiple_choice").contains(q.type)) {
                return; // the constraint itself was refused
            }
            optionalText(r, q, "constraint_message", "constraint_message");
        }
    }

    private void parameters(SheetRow r, SurveyDraft.Question q) {
        Column c = column(survey, "parameters");
        if (c == null || text(r, c).isEmpty() || q.typeLoc == null) {
            return;
        }
        Map<String, String> p = parameterMap(r);
        for (Map.Entry<String, String> e : p.entrySet()) {
            String k = e.getKey();
            if (k.equals("images") && q.type.equals("open")) {
                Boolean v = yesNo(e.getValue());
                if (v == null) {
                    problems.add(survey.at(r, c).problem(Severity.ERROR, "images must be yes or no, found '" + e.getValue() + "'"));
                } else {
                    q.images = v;
                    q.imagesLoc = survey.at(r, c);
                }
            } else if (Set.of("start", "end", "step").contains(k) && q.typeLoc != null && textOf(r, "type").toLowerCase(Locale.ROOT).startsWith("range")) {
                continue;
            } else {
                problems.add(survey.at(r, c).problem(Severity.INFO, "the parameter '" + k + "' has no meaning in Stem; ignored"
                        + (k.equals("images") ? " (images=yes applies to stem_type open)" : "")));
            }
        }
    }

    private Map<String, String> parameterMap(SheetRow r) {
        Map<String, String> p = new LinkedHashMap<>();
        Column c = column(survey, "parameters");
        if (c == null) {
            return p;
        }
        for (String part : text(r, c).split("[\\s;,]+")) {
            if (part.isBlank()) {
                continue;
            }
            int eq = part.indexOf('=');
            p.put(eq < 0 ? part.toLowerCase(Locale.ROOT) : part.substring(0, eq).strip().toLowerCase(Locale.ROOT),
                    eq < 0 ? "" : part.substring(eq + 1).strip());
        }
        return p;
    }

    private void appearance(SheetRow r, SurveyDraft.Question q, String appearance) {
        if (appearance.isEmpty()) {
            return;
        }
        List<String> rest = new ArrayList<>();
        for (String a : appearance.split("\\s+")) {
            if (!(a.equals("likert") && q.type.equals("scale"))) {
                rest.add(a);
            }
        }
        if (!rest.isEmpty()) {
            problems.add(survey.at(r, column(survey, "appearance")).problem(Severity.INFO, "appearance '" + String.join(" ", rest)
                    + "' has no meaning in a chat; ignored"));
        }
    }

    private void ioi(SheetRow r, SurveyDraft.Question q) {
        Column c = column(survey, "ioi");
        if (c == null || text(r, c).isEmpty()) {
            return;
        }
        for (String tag : text(r, c).split("[\\s,;]+")) {
            if (!tag.isBlank() && !q.ioi.contains(tag.strip())) {
                q.ioi.add(tag.strip());
            }
        }
        q.ioiLoc = survey.at(r, c);
    }

    private void audio(SheetRow r, SurveyDraft.Question q) {
        for (Column c : survey.columns) {
            if (!c.base().equals("media") || !"audio".equals(c.media())) {
                continue;
            }
            String v = value(r, c);
            if (v.isEmpty()) {
                continue;
            }
            String lang = c.language() != null ? c.language() : c.languageWritten() == null ? d.sourceLanguage : null;
            if (lang == null || !d.languages.contains(lang)) {
                continue; // the column was reported
            }
            q.audio.put(lang, v);
            q.audioLocs.put(lang, survey.at(r, c));
        }
    }

    /** Per-cell problems of columns Stem does not use for questions. */
    private void ignoredCells(SheetRow r) {
        for (Column c : survey.columns) {
            String v = value(r, c);
            if (v.isEmpty()) {
                continue;
            }
            Loc at = survey.at(r, c);
            switch (c.base()) {
                case "calculation" -> problems.add(at.problem(Severity.ERROR, "calculations are not supported: Stem asks questions and keeps the answers"));
                case "choice_filter" -> problems.add(at.problem(Severity.ERROR, "choice_filter is not supported: Stem shows every choice of the list; "
                        + "split the list (one question per case, each with its relevant)"));
                case "trigger" -> problems.add(at.problem(Severity.ERROR, "triggers are not supported"));
                case "default" -> problems.add(at.problem(Severity.WARNING, "Stem does not fill in answers: the default '" + v + "' is not used"));
                case "readonly" -> {
                    if (YES.contains(v.toLowerCase(Locale.ROOT))) {
                        problems.add(at.problem(Severity.WARNING, "Stem has no read-only questions: it is asked like any other"));
                    }
                }
                default -> {
                }
            }
        }
    }

    /** Column-level notes, once per column that has values. */
    private void surveyColumn(Column c) {
        String b = c.base();
        if (b.startsWith("$")) {
            if (hasValues(survey, c)) {
                reportColumn(survey, c, Severity.INFO, "KoBoToolbox bookkeeping; Stem ignores it");
            }
            return;
        }
        switch (b) {
            case "type", "name", "label", "hint", "required", "relevant", "constraint", "constraint_message", "appearance",
                 "stem_type", "ioi", "optional", "consent", "parameters", "calculation", "choice_filter", "default", "readonly",
                 "trigger", "repeat_count" -> {
            }
            case "media" -> {
                if ("audio".equals(c.media())) {
                    if (hasValues(survey, c)) {
                        reportColumn(survey, c, Severity.INFO, "recorded questions are sent as a voice note before the question: "
                                + "the files go in the survey's media folder (surveys/<id>-media/), OGG/Opus of at most 512 KB");
                    }
                } else {
                    warnColumn(survey, c, "Stem sends no " + c.media() + " with questions; the column is ignored");
                }
            }
            case "required_message" -> warnColumn(survey, c, "Stem says in its own words, in every language, that an answer is needed; "
                    + "required_message is not used");
            case "guidance_hint" -> warnColumn(survey, c, "guidance hints are for printed forms and interviewers; the column is ignored");
            case "autoplay" -> warnColumn(survey, c, "Stem plays no media with questions; the column is ignored");
            default -> {
                if (c.base().startsWith("bind::") || c.base().startsWith("instance::") || c.base().startsWith("body::")) {
                    warnColumn(survey, c, "XForm attributes are not supported; the column is ignored");
                } else if (!SURVEY_COLUMNS.contains(b)) {
                    warnColumn(survey, c, "'" + c.name() + "' is neither an XLSForm column nor one of Stem's (stem_type, ioi, optional, consent)"
                            + Suggestions.didYouMean(b, SURVEY_COLUMNS) + "; the column is ignored");
                }
            }
        }
    }

    private void warnColumn(Table t, Column c, String message) {
        if (hasValues(t, c)) {
            reportColumn(t, c, Severity.WARNING, message);
        }
    }

    private void reportColumn(Table t, Column c, Severity s, String message) {
        if (reportedColumns.add(t.name + "|" + c.index())) {
            long n = t.rows.stream().filter(r -> !value(r, c).isEmpty()).count();
            problems.add(t.headerLoc(c).problem(s, message + " (" + n + (n == 1 ? " value)" : " values)")));
        }
    }

    private boolean hasValues(Table t, Column c) {
        return t.rows.stream().anyMatch(r -> !value(r, c).isEmpty());
    }

    private void title() {
        Column titleCol = settings == null ? null : translated(settings, "form_title", null, d.sourceLanguage);
        String title = titleCol == null || settingsRow == null ? "" : value(settingsRow, titleCol);
        Loc titleLoc = titleCol == null || settingsRow == null ? d.settingsLoc : settings.at(settingsRow, titleCol);
        if (title.isEmpty()) {
            title = d.id != null ? d.id : fallbackId != null ? fallbackId : "";
            problems.add(titleLoc.problem(Severity.WARNING, "no form_title in settings: the survey's title is '" + title + "'"));
        }
        if (d.id == null) {
            if (fallbackId != null && !fallbackId.isBlank()) {
                d.id = Names.questionId(fallbackId);
                d.idLoc = d.settingsLoc;
                problems.add(d.settingsLoc.problem(Severity.INFO, "no form_id in settings: the survey's id is '" + d.id + "', from the file name"));
            } else {
                problems.add(d.settingsLoc.problem(Severity.ERROR, "no form_id in settings: Stem needs the survey's id (e.g. toegang_tot_werk)"));
                d.id = "form";
            }
        }
        List<String> untitled = new ArrayList<>();
        // the title first among the texts, as in a hand-written file
        Map<String, Map<String, String>> rest = new LinkedHashMap<>(d.texts);
        Map<String, Map<String, Loc>> restLocs = new LinkedHashMap<>(d.textLocs);
        d.texts.clear();
        d.textLocs.clear();
        for (String lang : d.languages) {
            Column c = settings == null ? null : translated(settings, "form_title", null, lang);
            String v = lang.equals(d.sourceLanguage) ? title : c == null || settingsRow == null ? "" : value(settingsRow, c);
            Loc at = c == null || settingsRow == null ? titleLoc : settings.at(settingsRow, c);
            if (v.isEmpty()) {
                untitled.add(display(lang));
                v = title;
            }
            d.text("survey.title", lang, v, at);
        }
        d.texts.putAll(rest);
        d.textLocs.putAll(restLocs);
        if (!untitled.isEmpty() && !title.isEmpty()) {
            problems.add(titleLoc.problem(Severity.WARNING, "no form_title::<language> for " + String.join(", ", untitled)
                    + ": the title '" + title + "' is used in " + (untitled.size() == 1 ? "it" : "them")));
        }
    }

    // ---- helpers -----------------------------------------------------------------------------------

    /** The only column of a kind without a language; a second one is an error. */
    private Column column(Table t, String base) {
        Column found = null;
        for (Column c : t.columns) {
            if (c.base().equals(base) && (!c.translatable() || c.languageWritten() == null)) {
                if (found == null) {
                    found = c;
                } else if (reportedColumns.add("dup|" + t.name + "|" + c.index())) {
                    problems.add(t.headerLoc(c).problem(Severity.ERROR, "a second '" + base + "' column (the first is "
                            + Cells.columnName(found.index()) + "); remove one"));
                }
            }
        }
        return found;
    }

    private String option(SheetRow r, String base) {
        Column c = column(survey, base);
        return c == null ? "" : text(r, c);
    }

    private String textOf(SheetRow r, String base) {
        return option(r, base);
    }

    private boolean yes(SheetRow r, String base) {
        Column c = column(survey, base);
        if (c == null || text(r, c).isEmpty()) {
            return false;
        }
        Boolean v = yesNo(text(r, c));
        if (v == null) {
            problems.add(survey.at(r, c).problem(Severity.ERROR, base + " must be yes or no, found '" + text(r, c) + "'"));
            return false;
        }
        return v;
    }

    static Boolean yesNo(String v) {
        String s = v.strip().toLowerCase(Locale.ROOT);
        return YES.contains(s) ? Boolean.TRUE : NO.contains(s) ? Boolean.FALSE : null;
    }

    /** The row with every value in NFC and without characters Stem cannot store (those were reported when read). */
    private static SheetRow cleaned(SheetRow r) {
        List<SheetCell> cells = new ArrayList<>(r.cells().size());
        for (SheetCell c : r.cells()) {
            cells.add(new SheetCell(c.column(), ExternalText.clean(c.value(), Integer.MAX_VALUE), c.kind()));
        }
        return new SheetRow(r.number(), cells);
    }

    /** A cell's value, stripped; empty when there is none. */
    private static String value(SheetRow r, Column c) {
        if (c == null) {
            return "";
        }
        SheetCell cell = r.cell(c.index());
        return cell == null ? "" : cell.value().strip();
    }

    private static String text(SheetRow r, Column c) {
        return value(r, c);
    }

    /** {@code select one  yes_no} -> {@code select one yes_no}; lower case except the list name. */
    private static String normalType(String t) {
        return String.join(" ", t.strip().split("\\s+")).toLowerCase(Locale.ROOT).replace("begin_group", "begin group")
                .replace("end_group", "end group").replace("begin_repeat", "begin repeat").replace("end_repeat", "end repeat")
                .replace("begin_loop", "begin loop").replace("end_loop", "end loop");
    }

    /** The list name as written (list names are case-sensitive). */
    private static String rawListName(String rawType) {
        String[] w = rawType.strip().split("\\s+");
        return w[w.length - 1];
    }

    private static String metadata(String type) {
        return switch (type) {
            case "start", "end" -> "'" + type + "' is not a question: Stem records when each session starts and ends itself";
            case "today" -> "'today' is not a question: Stem records the day of every answer itself";
            default -> "'" + type + "' is not a question: Stem collects no device or account data";
        };
    }

    private static String unsupported(String type) {
        return switch (type) {
            case "calculate" -> "calculate is not supported: Stem asks questions and keeps the answers; compute afterwards from the export";
            case "hidden" -> "hidden fields are not supported";
            case "geopoint", "geotrace", "geoshape" -> type + " is not supported: Stem asks no locations (a text question can ask for the place)";
            case "barcode" -> "barcode is not supported";
            case "file" -> "file uploads are not supported (image, audio and video are)";
            case "rank" -> "rank is not supported: ask a select_multiple, or one select_one per place";
            case "begin repeat", "end repeat", "begin loop", "end loop" -> "repeats are not supported";
            case "select_one_external", "select_multiple_external", "select_one_from_file", "select_multiple_from_file" ->
                    type + " is not supported: put the choices in the choices sheet";
            default -> type + " is not supported";
        };
    }
}
