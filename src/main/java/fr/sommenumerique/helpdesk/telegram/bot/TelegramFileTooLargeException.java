package fr.sommenumerique.helpdesk.telegram.bot;

import java.util.Locale;

/**
 * The file is bigger than the 20 MB the Bot API lets a bot download. {@link #userMessage()} is the French
 * sentence to show the sender.
 */
public class TelegramFileTooLargeException extends TelegramGatewayException {

    private final long fileSize;

    public TelegramFileTooLargeException(String method, long fileSize) {
        super(method, Kind.FILE_TOO_LARGE, null, "file of " + fileSize + " bytes exceeds the Bot API download limit of "
                + TelegramGateway.MAX_DOWNLOAD_BYTES + " bytes", null, null);
        this.fileSize = fileSize;
    }

    /** Size in bytes as declared by Telegram, or the number of bytes read when the download overflowed. */
    public long fileSize() {
        return fileSize;
    }

    public String userMessage() {
        return userMessage(fileSize);
    }

    /** French message for a file of the given size, usable before any download is attempted. */
    public static String userMessage(long fileSize) {
        String megabytes = String.format(Locale.FRANCE, "%.1f", fileSize / (1024.0 * 1024.0));
        return "Ce fichier fait " + megabytes + " Mo : Telegram ne permet pas à notre assistant de récupérer "
                + "les fichiers de plus de 20 Mo. Merci de l’envoyer par e-mail ou de le compresser.";
    }
}
