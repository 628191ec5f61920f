package fr.sommenumerique.helpdesk.mail.parsing;

import java.io.ByteArrayOutputStream;
import java.util.Locale;

/** Lenient Content-Transfer-Encoding decoders: broken base64 and quoted-printable never throw. */
final class TransferDecoding {

    private TransferDecoding() {
    }

    /** Decodes according to a Content-Transfer-Encoding value; unknown encodings pass through. */
    static byte[] decode(byte[] raw, String encoding) {
        if (encoding == null) {
            return raw;
        }
        String e = encoding.trim().toLowerCase(Locale.ROOT).replaceAll("[\"';]", "").trim();
        if (e.equals("base64") || e.equals("x-base64")) {
            return base64(raw);
        }
        if (e.equals("quoted-printable") || e.equals("quoted printable") || e.equals("x-quoted-printable")
                || e.equals("qp")) {
            return quotedPrintable(raw);
        }
        return raw;
    }

    static boolean isKnown(String encoding) {
        if (encoding == null) {
            return true;
        }
        String e = encoding.trim().toLowerCase(Locale.ROOT);
        return e.isEmpty() || e.equals("7bit") || e.equals("8bit") || e.equals("binary") || e.equals("base64")
                || e.equals("quoted-printable");
    }

    private static int base64Value(int c) {
        if (c >= 'A' && c <= 'Z') {
            return c - 'A';
        }
        if (c >= 'a' && c <= 'z') {
            return c - 'a' + 26;
        }
        if (c >= '0' && c <= '9') {
            return c - '0' + 52;
        }
        if (c == '+') {
            return 62;
        }
        if (c == '/') {
            return 63;
        }
        return -1;
    }

    /**
     * Base64 ignoring characters outside the alphabet; a '=' pad ends the current quantum, so
     * concatenated base64 blocks still decode. An unpadded incomplete final quantum is dropped (it is
     * almost always junk after the data, e.g. a damaged boundary line).
     */
    static byte[] base64(byte[] raw) {
        return base64(raw, false);
    }

    /** Base64 for short values (encoded words): an unpadded final quantum is kept. */
    static byte[] base64KeepingPartial(byte[] raw) {
        return base64(raw, true);
    }

    private static byte[] base64(byte[] raw, boolean keepPartial) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length * 3 / 4 + 3);
        int buffer = 0;
        int count = 0;
        for (byte b : raw) {
            int c = b & 0xFF;
            if (c == '=') {
                flushPartial(out, buffer, count);
                buffer = 0;
                count = 0;
                continue;
            }
            int v = base64Value(c);
            if (v < 0) {
                continue;
            }
            buffer = (buffer << 6) | v;
            count++;
            if (count == 4) {
                out.write((buffer >> 16) & 0xFF);
                out.write((buffer >> 8) & 0xFF);
                out.write(buffer & 0xFF);
                buffer = 0;
                count = 0;
            }
        }
        if (keepPartial) {
            flushPartial(out, buffer, count);
        }
        return out.toByteArray();
    }

    private static void flushPartial(ByteArrayOutputStream out, int buffer, int count) {
        if (count == 2) {
            out.write((buffer >> 4) & 0xFF);
        } else if (count == 3) {
            out.write((buffer >> 10) & 0xFF);
            out.write((buffer >> 2) & 0xFF);
        }
    }

    private static int hex(int c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        return -1;
    }

    /**
     * Quoted-printable: soft line breaks ("=" at end of line, also with trailing blanks) are removed,
     * "=XX" decoded, an invalid '=' sequence kept literally. Hard line breaks become CRLF (the
     * canonical form of RFC 2045), trailing blanks before them are transport padding and dropped.
     */
    static byte[] quotedPrintable(byte[] raw) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length);
        int n = raw.length;
        int i = 0;
        while (i < n) {
            int c = raw[i] & 0xFF;
            if (c == '=') {
                // soft line break, possibly with whitespace between '=' and the line end
                int j = i + 1;
                while (j < n && (raw[j] == ' ' || raw[j] == '\t')) {
                    j++;
                }
                if (j < n && (raw[j] == '\r' || raw[j] == '\n')) {
                    if (raw[j] == '\r' && j + 1 < n && raw[j + 1] == '\n') {
                        j++;
                    }
                    i = j + 1;
                    continue;
                }
                if (j >= n) {
                    i = n;
                    continue;
                }
                if (i + 2 < n + 0 && i + 2 <= n - 1) {
                    int h = hex(raw[i + 1] & 0xFF);
                    int l = hex(raw[i + 2] & 0xFF);
                    if (h >= 0 && l >= 0) {
                        out.write((h << 4) | l);
                        i += 3;
                        continue;
                    }
                }
                out.write(c);
                i++;
                continue;
            }
            if (c == ' ' || c == '\t') {
                // trailing whitespace before a hard line break is padding added in transport
                int j = i;
                while (j < n && (raw[j] == ' ' || raw[j] == '\t')) {
                    j++;
                }
                if (j >= n || raw[j] == '\r' || raw[j] == '\n') {
                    i = j;
                    continue;
                }
                out.write(raw, i, j - i);
                i = j;
                continue;
            }
            if (c == '\r' || c == '\n') {
                if (c == '\r' && i + 1 < n && raw[i + 1] == '\n') {
                    i++;
                }
                out.write('\r');
                out.write('\n');
                i++;
                continue;
            }
            out.write(c);
            i++;
        }
        return out.toByteArray();
    }
}
