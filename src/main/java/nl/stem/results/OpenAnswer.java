package nl.stem.results;

import java.time.LocalDate;
import java.util.UUID;

/**
 * One text or media answer in the answer list: what was said and in which language, never who said
 * it. The date is the day only.
 *
 * @param id       the answer's id (to mark it as a publishable quote)
 * @param text     the text answer, or a media answer's caption; null for a bare voice note or video
 * @param language the language it was given in
 * @param rtl      whether that language is written right to left
 * @param day      the day it was answered
 * @param mediaId  the media file, null for a text answer
 * @param kind     {@code audio}, {@code video} or {@code image}; null for a text answer
 * @param mimeType the file's type, for the player
 * @param playable whether the file has been fetched and can be played
 * @param quote    whether a researcher marked it for the public page
 */
public record OpenAnswer(long id, String text, String language, boolean rtl, LocalDate day, UUID mediaId, String kind,
                         String mimeType, boolean playable, boolean quote) {
}
