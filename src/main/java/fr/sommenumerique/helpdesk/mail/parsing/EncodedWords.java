package fr.sommenumerique.helpdesk.mail.parsing;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Lenient RFC 2047 decoding of header values: encoded words anywhere (also inside words), blanks
 * between adjacent encoded words dropped, adjacent words of one charset joined before decoding so
 * multi-byte characters split across words survive, unknown charsets decoded by detection.
 */
final class EncodedWords {

    private static final Pattern WORD = Pattern.compile("=\\?([^?\\s]+)\\?([bBqQ])\\?(.*?)\\?=");

    private EncodedWords() {
    }

    static String decode(String value) {
        if (value == null) {
            return null;
        }
        String repaired = TextCharsets.repairRawHeader(value);
        if (!repaired.contains("=?")) {
            return repaired;
        }
        Matcher m = WORD.matcher(repaired);
        StringBuilder out = new StringBuilder(repaired.length());
        int last = 0;
        String pendingCharset = null;
        ByteArrayOutputStream pending = new ByteArrayOutputStream();
        while (m.find()) {
            String gap = repaired.substring(last, m.start());
            boolean adjacent = pendingCharset != null && gap.isBlank();
            String charset = m.group(1);
            byte[] bytes = m.group(2).equalsIgnoreCase("B")
                    ? TransferDecoding.base64KeepingPartial(m.group(3).getBytes(StandardCharsets.ISO_8859_1))
                    : qDecode(m.group(3));
            if (adjacent && pendingCharset.equalsIgnoreCase(charset)) {
                pending.writeBytes(bytes);
            } else {
                if (pendingCharset != null) {
                    out.append(decodeBytes(pending.toByteArray(), pendingCharset));
                    pending.reset();
                }
                if (!adjacent) {
                    out.append(gap);
                }
                pendingCharset = charset;
                pending.writeBytes(bytes);
            }
            last = m.end();
        }
        if (pendingCharset != null) {
            out.append(decodeBytes(pending.toByteArray(), pendingCharset));
        }
        out.append(repaired.substring(last));
        return out.toString();
    }

    private static String decodeBytes(byte[] bytes, String charsetLabel) {
        return TextCharsets.decode(bytes, charsetLabel).text();
    }

    private static byte[] qDecode(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '_') {
                out.write(' ');
            } else if (c == '=' && i + 2 < text.length() + 0 && i + 2 <= text.length() - 1
                    && Character.digit(text.charAt(i + 1), 16) >= 0 && Character.digit(text.charAt(i + 2), 16) >= 0) {
                out.write(Integer.parseInt(text.substring(i + 1, i + 3), 16));
                i += 2;
            } else if (c > 0xFF) {
                out.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            } else {
                out.write(c);
            }
        }
        return out.toByteArray();
    }
}
