package nl.stem.api;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Every error code Stem answers with, one per case, with its usual HTTP status: the catalogue that
 * docs/api.md lists ("Error codes"). A problem body carries the code:
 * {@code {"status": 404, "code": "wave_not_found", "message": "No wave with id 7"}}. Throw one with
 * {@code new StemException(ErrorCode.WAVE_NOT_FOUND, "No wave with id " + id)}.
 * <p>
 * An alias is an older spelling of the same case that one endpoint still answers with, because API
 * clients may depend on it ({@code unknown_wave} on {@code /api/waves}, {@code unknown_survey} when
 * a wave names a survey that is not published); see {@link StemException#alias}. New endpoints use
 * the code itself. The comment on each constant is an example message.
 */
public enum ErrorCode {
    /** No answer with id */
    ANSWER_NOT_FOUND(404, "answer_not_found"),
    /** 'by' must be an attribute name (a-z, 0-9 and _, starting with a letter) */
    BAD_ATTRIBUTE(400, "bad_attribute"),
    /** by must be language, channel, wave or a member attribute such as region */
    BAD_BREAKDOWN(400, "bad_breakdown"),
    /** channel must be whatsapp or telegram */
    BAD_CHANNEL(400, "bad_channel"),
    /** consent must be given, refused or unknown */
    BAD_CONSENT(400, "bad_consent"),
    /** bad_date */
    BAD_DATE(400, "bad_date"),
    /** survey.file must be '<id>.yaml' with id [a-z][a-z0-9_]*, not ' */
    BAD_FILE_NAME(400, "bad_file_name"),
    /** idempotencyKey is 8-64 characters of A-Za-z0-9_- */
    BAD_IDEMPOTENCY_KEY(400, "bad_idempotency_key"),
    /** include_preview must be true or false */
    BAD_INCLUDE_PREVIEW(400, "bad_include_preview"),
    /** inviteAt is at most */
    BAD_INVITE_AT(400, "bad_invite_at"),
    /** language must be a BCP 47 tag such as ar, ti, fa-AF */
    BAD_LANGUAGE(400, "bad_language"),
    /** limit must be between 1 and */
    BAD_LIMIT(400, "bad_limit"),
    /** Member ids are 1-64 characters of A-Za-z0-9._- */
    BAD_MEMBER_ID(400, "bad_member_id"),
    /** Each message needs an id of 1-64 characters A-Z, a-z, 0-9, _ or - */
    BAD_MESSAGE_ID(400, "bad_message_id"),
    /** Give the token a 'name' of 1- */
    BAD_NAME(400, "bad_name"),
    /** offset must be 0 or more */
    BAD_OFFSET(400, "bad_offset"),
    /** page must be from 1 to */
    BAD_PAGE(400, "bad_page"),
    /** paired must be true or false */
    BAD_PAIRED(400, "bad_paired"),
    /** publish must be true or false */
    BAD_PUBLISH(400, "bad_publish"),
    /** bad_quiet_hours */
    BAD_QUIET_HOURS(400, "bad_quiet_hours"),
    /** from ( */
    BAD_RANGE(400, "bad_range"),
    /** reminderHours must be increasing whole hours after the invitation, between 1 and 2160 */
    BAD_REMINDER_HOURS(400, "bad_reminder_hours"),
    /** 'role' must be researcher, coordinator or admin */
    BAD_ROLE(400, "bad_role"),
    /** The X-Twilio-Signature header is missing or does not match */
    BAD_SIGNATURE(403, "bad_signature"),
    /** status must be active or opted_out */
    BAD_STATUS(400, "bad_status"),
    /** The text for */
    BAD_TEXT(400, "bad_text"),
    /** translations must map language tags (e.g. 'ar', 'pt-BR') to PO file contents; ' */
    BAD_TRANSLATION(400, "bad_translation"),
    /** version must be a version number such as 2, not ' */
    BAD_VERSION(400, "bad_version"),
    /** wave must be a wave id such as 3, or several such as 3,4 */
    BAD_WAVE(400, "bad_wave"),
    /** body_too_large */
    BODY_TOO_LARGE(413, "body_too_large"),
    /** Other forms are being imported: try again in a minute */
    BUSY(503, "busy"),
    /** No preview conversation with this token */
    CONVERSATION_NOT_FOUND(404, "conversation_not_found"),
    /** The survey draft is gone (published, discarded or expired) */
    DRAFT_NOT_FOUND(404, "draft_not_found"),
    /** Form parameter */
    DUPLICATE_PARAMETER(400, "duplicate_parameter"),
    /** A JSON body is required */
    EMPTY_BODY(400, "empty_body"),
    /** The file is empty: send a header line and one line per member */
    EMPTY_FILE(400, "empty_file"),
    /** Wave */
    FEEDBACK_SENT(409, "feedback_sent"),
    /** MessageSid and From are at most */
    FIELD_TOO_LONG(400, "field_too_long"),
    /** Upload the audio or video file in the form field 'file' */
    FILE_REQUIRED(400, "file_required"),
    /** This token's role may not do this */
    FORBIDDEN(403, "forbidden"),
    /** Give the two versions to compare as ?from=1&to=2 */
    FROM_TO_REQUIRED(400, "from_to_required"),
    /** Something went wrong on our side (error id */
    INTERNAL_ERROR(500, "internal_error"),
    /** Survey 'x' is not in that language */
    LANGUAGE_NOT_FOUND(404, "language_not_found"),
    /** The file is not valid CSV: */
    MALFORMED_CSV(400, "malformed_csv"),
    /** The form body is not valid application/x-www-form-urlencoded (UTF-8) */
    MALFORMED_FORM(400, "malformed_form"),
    /** The request body is not valid JSON for this endpoint: */
    MALFORMED_JSON(400, "malformed_json"),
    /** The request URL holds a character Stem cannot store (answered by web/WebGuards) */
    MALFORMED_URL(400, "malformed_url"),
    /** The multipart body could not be read: */
    MALFORMED_MULTIPART(400, "malformed_multipart"),
    /** This file was deleted under the retention schedule (stem.retention.media-months) */
    MEDIA_EXPIRED(410, "media_expired"),
    /** No media with id */
    MEDIA_NOT_FOUND(404, "media_not_found"),
    /** This file has not been fetched from the provider yet; try again in a minute */
    MEDIA_PENDING(409, "media_pending"),
    /** The file is larger than the limit of */
    MEDIA_TOO_LARGE(413, "media_too_large"),
    /** This file could not be fetched from the provider and is not available */
    MEDIA_UNAVAILABLE(404, "media_unavailable"),
    /** No member with member_id ' */
    MEMBER_NOT_FOUND(404, "member_not_found"),
    /** Send the wave as JSON */
    MISSING_BODY(400, "missing_body"),
    /** MessageSid is required */
    MISSING_FIELDS(400, "missing_fields"),
    /** No text for these members' languages (add them or 'default'): */
    MISSING_LANGUAGES(422, "missing_languages"),
    /** survey (the survey id) is required */
    MISSING_SURVEY(400, "missing_survey"),
    /** No approved whatsapp template for ti (3 members: set stem.twilio.templates.ti) */
    MISSING_TEMPLATES(422, "missing_templates"),
    /** Send texts by language, e.g. {'texts': {'nl': '...', 'default': '...'}} */
    MISSING_TEXTS(400, "missing_texts"),
    /** Send the .xlsx as the body */
    NOT_XLSX(415, "not_xlsx"),
    /** The file has a header but no member rows */
    NO_MEMBERS(400, "no_members"),
    /** No member of this selection can be invited: */
    NO_REACHABLE_MEMBER(422, "no_reachable_member"),
    /** Send the member file as Content-Type: text/csv (UTF-8) */
    NOT_CSV(415, "not_csv"),
    /** Not found */
    NOT_FOUND(404, "not_found"),
    /** Question ' */
    NOT_LISTED(400, "not_listed"),
    /** The text uses */
    NOT_PUBLISHED(404, "not_published"),
    /** The file is not UTF-8: save it as 'CSV UTF-8' */
    NOT_UTF8(400, "not_utf8"),
    /** paired=true compares members across waves: give two or more waves */
    PAIRED_NEEDS_WAVES(400, "paired_needs_waves"),
    /** The preview is switched off (stem.preview.enabled) */
    PREVIEW_DISABLED(404, "preview_disabled"),
    /** This prompt link has expired: links to questions read aloud last stem.audio.link-ttl */
    PROMPT_LINK_EXPIRED(403, "prompt_link_expired"),
    /** This is not a valid prompt link */
    PROMPT_LINK_INVALID(403, "prompt_link_invalid"),
    /** No prompt with this id */
    PROMPT_NOT_FOUND(404, "prompt_not_found"),
    /** Survey ' */
    QUESTION_NOT_FOUND(404, "question_not_found"),
    /** Name the question: ?question=<id> */
    QUESTION_REQUIRED(400, "question_required"),
    /** The file has */
    RANGE_NOT_SATISFIABLE(416, "range_not_satisfiable"),
    /** Give */
    REPEATED_PARAMETER(400, "repeated_parameter"),
    /** Search for at most */
    SEARCH_TOO_LONG(400, "search_too_long"),
    /** The */
    SECRET_MISSING(401, "secret_missing"),
    /** The */
    SECRET_WRONG(403, "secret_wrong"),
    /** The survey is invalid: */
    SURVEY_INVALID(422, "survey_invalid"),
    /** No published survey with id ' */
    SURVEY_NOT_FOUND(404, "survey_not_found", "unknown_survey"),
    /** Name the survey to export: ?survey=<id> */
    SURVEY_REQUIRED(400, "survey_required"),
    /** Survey */
    SURVEY_RETIRED(409, "survey_retired"),
    /** Set stem.telegram.bot-username to create Telegram invitation links */
    TELEGRAM_BOT_USERNAME_MISSING(409, "telegram_bot_username_missing"),
    /** The Telegram channel is not configured */
    TELEGRAM_NOT_CONFIGURED(404, "telegram_not_configured"),
    /** Send either 'text' (typed) or 'payload' (a tapped button) */
    TEXT_OR_PAYLOAD(400, "text_or_payload"),
    /** No token with id */
    TOKEN_NOT_FOUND(404, "token_not_found"),
    /** At most */
    TOO_MANY_REMINDERS(400, "too_many_reminders"),
    /** Give at most */
    TOO_MANY_WAVES(400, "too_many_waves"),
    /** A valid API token is required: send 'Authorization: Bearer <token>' */
    UNAUTHORIZED(401, "unauthorized"),
    /** unfit_character */
    UNFIT_CHARACTER(400, "unfit_character"),
    /** No member of this wave has the attribute ' */
    UNKNOWN_ATTRIBUTE(400, "unknown_attribute"),
    /** Unknown member ids: */
    UNKNOWN_MEMBERS(422, "unknown_members"),
    /** Unknown parameter(s) */
    UNKNOWN_PARAMETER(400, "unknown_parameter"),
    /** Survey ' */
    UNKNOWN_VERSION(400, "unknown_version"),
    /** The request body could not be read */
    UNREADABLE_BODY(400, "unreadable_body"),
    /** Telegram updates are sent as application/json */
    UNSUPPORTED_MEDIA_TYPE(415, "unsupported_media_type"),
    /** A Telegram Update has an update_id */
    UPDATE_ID_MISSING(400, "update_id_missing"),
    /** Survey ' */
    VERSION_NOT_FOUND(404, "version_not_found"),
    /** Wave */
    WAVE_CLOSED(409, "wave_closed"),
    /** No wave with id */
    WAVE_NOT_FOUND(404, "wave_not_found", "unknown_wave"),
    /** Wave */
    WAVE_NOT_IN_SURVEY(400, "wave_not_in_survey"),
    /** Close the wave before sending what was learned */
    WAVE_OPEN(409, "wave_open"),
    /** Wave */
    WAVE_VERSION_MISMATCH(400, "wave_version_mismatch"),
    /** The WhatsApp channel is not configured here */
    WHATSAPP_NOT_CONFIGURED(404, "whatsapp_not_configured"),
    /** The form cannot be taken over: each problem names its sheet, row and column */
    XLSFORM_INVALID(422, "xlsform_invalid"),
    /** The file is not an .xlsx workbook Stem can read */
    XLSFORM_UNREADABLE(422, "xlsform_unreadable");

    private static final Map<String, ErrorCode> BY_CODE = Stream.of(values())
            .collect(Collectors.toMap(ErrorCode::code, Function.identity()));

    private final int status;
    private final String code;
    private final List<String> aliases;

    ErrorCode(int status, String code, String... aliases) {
        this.status = status;
        this.code = code;
        this.aliases = List.of(aliases);
    }

    /** The usual HTTP status; a throw site may answer another where the same case arises otherwise. */
    public int status() {
        return status;
    }

    /** The stable code, e.g. {@code wave_not_found}. */
    public String code() {
        return code;
    }

    /** Older spellings still answered by some endpoint (empty for most). */
    public List<String> aliases() {
        return aliases;
    }

    /** The entry for a code made at run time ({@code "bad_" + parameter}); fails for a code not in the catalogue. */
    public static ErrorCode of(String code) {
        ErrorCode c = BY_CODE.get(code);
        if (c == null) {
            throw new IllegalArgumentException("Not in the error catalogue: " + code);
        }
        return c;
    }
}
