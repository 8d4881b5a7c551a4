package nl.stem.channel.telegram;

import java.io.IOException;

import org.telegram.telegrambots.meta.api.methods.GetFile;
import org.telegram.telegrambots.meta.api.objects.File;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import nl.stem.config.StemConfig;
import nl.stem.media.MediaFetcher;
import nl.stem.media.MediaObject;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * Downloads a voice note or video: getFile for the path, then a GET on
 * {@code <api-url>/file/bot<token>/<path>} with our own OkHttp client (telegrambots' download always
 * goes to api.telegram.org). Bots may download at most 20 MB; {@code stem.media.max-bytes} may be lower.
 */
@ApplicationScoped
public class TelegramMediaFetcher implements MediaFetcher {

    @Inject
    BotApi api;
    @Inject
    StemConfig stem;

    @Override
    public String channel() {
        return Invitations.CHANNEL;
    }

    @Override
    public Download open(MediaObject media) throws IOException, MediaFetchException {
        if (!api.enabled()) {
            throw new MediaFetchException("Telegram is not configured (stem.telegram.bot-token)", false);
        }
        if (media.providerRef == null || media.providerRef.isBlank()) {
            throw new MediaFetchException("No Telegram file_id", true);
        }
        long max = stem.media().maxBytes();
        if (media.sizeBytes != null && media.sizeBytes > max) {
            throw new MediaFetchException("Telegram reported " + media.sizeBytes + " bytes, over the limit of " + max, true);
        }
        File file = getFile(media.providerRef);
        if (file.getFileSize() != null && file.getFileSize() > max) {
            throw new MediaFetchException("getFile reported " + file.getFileSize() + " bytes, over the limit of " + max, true);
        }
        if (file.getFilePath() == null || file.getFilePath().isBlank()) {
            // Telegram gives no path for files over the 20 MB bot limit.
            throw new MediaFetchException("getFile returned no file_path (file too big for bots?)", true);
        }
        Response response;
        try {
            response = api.http().newCall(new Request.Builder().url(api.fileUrl(file.getFilePath())).get().build()).execute();
        } catch (IOException e) {
            // Not e's message: OkHttp may name the URL, which holds the token.
            throw new IOException("Telegram file download failed: " + e.getClass().getSimpleName());
        }
        int status = response.code();
        if (status != 200 || response.body() == null) {
            response.close();
            boolean permanent = status >= 400 && status < 500 && status != 408 && status != 429;
            throw new MediaFetchException("Telegram file download answered HTTP " + status, permanent);
        }
        ResponseBody body = response.body();
        long length = body.contentLength();
        if (length > max) {
            response.close();
            throw new MediaFetchException("Telegram file of " + length + " bytes, over the limit of " + max, true);
        }
        String type = body.contentType() == null ? null : body.contentType().toString();
        Long size = length >= 0 ? Long.valueOf(length) : file.getFileSize();
        return new Download(body.byteStream(), type, size);
    }

    private File getFile(String fileId) throws IOException, MediaFetchException {
        try {
            return api.client().execute(GetFile.builder().fileId(fileId).build());
        } catch (TelegramApiRequestException e) {
            Integer code = e.getErrorCode();
            if (code == null || code == 429 || code >= 500) {
                throw new MediaFetchException("Telegram getFile: " + (code == null ? "no valid answer" : code), false);
            }
            throw new MediaFetchException("Telegram getFile refused (" + code + "): " + e.getApiResponse(), true);
        } catch (TelegramApiException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new IOException("Telegram getFile failed: " + cause.getClass().getSimpleName());
        }
    }
}
