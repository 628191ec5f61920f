package fr.sommenumerique.helpdesk.telegram.bot;

/**
 * A file as described by {@code getFile}: ready to be downloaded with {@link TelegramGateway#download(TelegramFile)}.
 *
 * @param fileId       identifier to download the file (may change over time)
 * @param fileUniqueId stable identifier, same file for every bot; use it to dedupe attachments
 * @param filePath     path on Telegram's file server; valid for at least one hour
 * @param fileSize     size in bytes, null when Telegram does not say
 */
public record TelegramFile(String fileId, String fileUniqueId, String filePath, Long fileSize) {

    /** True when the declared size is above the Bot API download limit (20 MB). */
    public boolean exceedsDownloadLimit() {
        return TelegramGateway.exceedsDownloadLimit(fileSize);
    }
}
