package fr.sommenumerique.helpdesk.telegram.chat;

import java.util.Comparator;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.telegram.telegrambots.meta.api.objects.Document;
import org.telegram.telegrambots.meta.api.objects.Video;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.api.objects.photo.PhotoSize;

import fr.sommenumerique.helpdesk.conversation.InboundAttachment;
import fr.sommenumerique.helpdesk.telegram.bot.TelegramFile;
import fr.sommenumerique.helpdesk.telegram.bot.TelegramFileTooLargeException;
import fr.sommenumerique.helpdesk.telegram.bot.TelegramGateway;
import fr.sommenumerique.helpdesk.telegram.bot.TelegramGatewayException;

/**
 * Photos, documents and videos sent in the chat, fetched from Telegram to be stored as attachments. The size the
 * message declares is checked before anything is downloaded: the Bot API lets a bot download 20 MB at most.
 */
@Component
class MediaIntake {

    /** A file carried by a message. {@code kind} is the French word used in replies. */
    record FileRef(String kind, String fileId, String uniqueId, Long size, String fileName, String contentType) {
    }

    /** Telegram will not hand this file over: too large. */
    static final class TooLarge extends Exception {
        final long size;

        TooLarge(long size) {
            super("file too large: " + size + " bytes");
            this.size = size;
        }
    }

    private final TelegramGateway gateway;

    MediaIntake(TelegramGateway gateway) {
        this.gateway = gateway;
    }

    /** The file of a photo (largest size), document or video message. */
    static Optional<FileRef> fileOf(Message message) {
        if (message.hasPhoto() && !message.getPhoto().isEmpty()) {
            PhotoSize largest = message.getPhoto().stream()
                    .max(Comparator.comparingLong((PhotoSize p) -> p.getFileSize() == null ? 0 : p.getFileSize())
                            .thenComparingInt(p -> p.getWidth() == null ? 0 : p.getWidth()))
                    .orElseThrow();
            Long size = largest.getFileSize() == null ? null : largest.getFileSize().longValue();
            return Optional.of(new FileRef("photo", largest.getFileId(), largest.getFileUniqueId(), size,
                    "photo-" + message.getMessageId() + ".jpg", "image/jpeg"));
        }
        if (message.hasDocument()) {
            Document d = message.getDocument();
            return Optional.of(new FileRef("document", d.getFileId(), d.getFileUniqueId(), d.getFileSize(),
                    d.getFileName() == null ? "document-" + message.getMessageId() : d.getFileName(), d.getMimeType()));
        }
        if (message.hasVideo()) {
            Video v = message.getVideo();
            return Optional.of(new FileRef("vidéo", v.getFileId(), v.getFileUniqueId(), v.getFileSize(),
                    v.getFileName() == null ? "video-" + message.getMessageId() + ".mp4" : v.getFileName(),
                    v.getMimeType() == null ? "video/mp4" : v.getMimeType()));
        }
        return Optional.empty();
    }

    static boolean declaredTooLarge(FileRef file) {
        return TelegramGateway.exceedsDownloadLimit(file.size());
    }

    /** What stands for the file in the text when it came without a caption. */
    static String placeholder(FileRef file) {
        return switch (file.kind()) {
            case "photo" -> "(photo)";
            case "document" -> "(document " + file.fileName() + ")";
            default -> "(" + file.kind() + " " + file.fileName() + ")";
        };
    }

    InboundAttachment download(FileRef file) throws TooLarge {
        try {
            TelegramFile described = gateway.getFile(file.fileId());
            if (described.exceedsDownloadLimit()) {
                throw new TooLarge(described.fileSize());
            }
            byte[] bytes = gateway.download(described);
            return new InboundAttachment(file.fileName(), file.contentType(), bytes, null, false);
        } catch (TelegramFileTooLargeException e) {
            throw new TooLarge(file.size() == null ? TelegramGateway.MAX_DOWNLOAD_BYTES + 1 : file.size());
        } catch (TelegramGatewayException e) {
            if (e.errorCode().orElse(0) == 400 && e.description() != null && e.description().contains("file is too big")) {
                throw new TooLarge(file.size() == null ? TelegramGateway.MAX_DOWNLOAD_BYTES + 1 : file.size());
            }
            throw e;
        }
    }
}
