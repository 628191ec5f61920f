package fr.sommenumerique.helpdesk.mail.parsing;

/**
 * A leaf part of the MIME tree after transfer decoding.
 *
 * @param path        position in the tree using 1-based indexes joined by '_' (root = "1", a multipart's
 *                    children "1_1", "1_2", a message/rfc822 body adds "_1")
 * @param contentType lower-cased MIME type without parameters
 * @param charset     charset actually used to decode the text (null for binary parts)
 * @param declaredCharset charset declared in the header, or null
 * @param filename    decoded file name, or null
 * @param contentId   Content-ID without brackets, or null
 * @param disposition lower-cased disposition (inline/attachment) or null
 * @param bytes       decoded bytes
 * @param text        decoded text for text/* parts, else null
 */
public record MailPart(String path, String contentType, String charset, String declaredCharset, String filename,
                       String contentId, String disposition, byte[] bytes, String text) {

    public boolean isText() {
        return text != null;
    }

    @Override
    public String toString() {
        return "MailPart[" + path + ", " + contentType + ", charset=" + charset + ", file=" + filename + ", "
                + bytes.length + " bytes]";
    }
}
