package fr.sommenumerique.helpdesk.mail.parsing;

/**
 * A decoded attachment or inline part (images referenced by cid:, files, attached messages).
 *
 * @param filename    decoded file name (RFC 2231 / RFC 2047 / raw Latin-1 handled), or a generated one
 * @param contentType lower-cased MIME type without parameters, e.g. {@code application/pdf}
 * @param size        number of decoded bytes
 * @param contentId   Content-ID without angle brackets, or null
 * @param inline      true when the part is meant to be shown inline (Content-Disposition inline or cid image)
 * @param bytes       decoded content
 * @param partPath    position in the MIME tree, e.g. {@code 1_2_1}
 */
public record MailAttachment(String filename, String contentType, long size, String contentId,
                             boolean inline, byte[] bytes, String partPath) {

    public MailAttachment {
        bytes = bytes == null ? new byte[0] : bytes;
    }

    @Override
    public String toString() {
        return "MailAttachment[" + filename + ", " + contentType + ", " + size + " bytes, cid=" + contentId
                + ", inline=" + inline + ", part=" + partPath + "]";
    }
}
