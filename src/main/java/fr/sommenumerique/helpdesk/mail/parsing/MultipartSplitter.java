package fr.sommenumerique.helpdesk.mail.parsing;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Splits a multipart body on its boundary the way RFC 2046 says and mime4j does: a delimiter is a line
 * that starts with "--boundary" (text after it is ignored unless it continues the boundary name, so
 * boundaries that prefix each other do not clash); the CRLF before a delimiter belongs to it; two
 * delimiters in a row make an empty part; a missing close delimiter ends the last part at the end.
 */
final class MultipartSplitter {

    /**
     * @param preamble bytes before the first delimiter
     * @param parts    raw bytes of each part (headers and body)
     * @param epilogue bytes after the close delimiter line, empty when not closed
     */
    record Split(byte[] preamble, List<byte[]> parts, byte[] epilogue) {
    }

    private MultipartSplitter() {
    }

    /** Returns null when no delimiter line exists at all. */
    static Split split(byte[] body, String boundary) {
        byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        List<byte[]> parts = new ArrayList<>();
        byte[] preamble = null;
        int partStart = -1;
        int pos = 0;
        int n = body.length;
        while (pos <= n) {
            int lineStart = pos;
            int lineEnd = lineStart;
            while (lineEnd < n && body[lineEnd] != '\n') {
                lineEnd++;
            }
            int next = lineEnd < n ? lineEnd + 1 : n + 1;
            int kind = delimiterKind(body, lineStart, lineEnd, delimiter);
            if (kind != 0) {
                // the line break before the delimiter belongs to the delimiter
                int contentEnd = lineStart;
                if (contentEnd > 0 && body[contentEnd - 1] == '\n') {
                    contentEnd--;
                    if (contentEnd > 0 && body[contentEnd - 1] == '\r') {
                        contentEnd--;
                    }
                }
                if (partStart < 0) {
                    preamble = Arrays.copyOfRange(body, 0, Math.max(0, contentEnd));
                } else {
                    parts.add(Arrays.copyOfRange(body, partStart, Math.max(partStart, contentEnd)));
                }
                if (kind == 2) {
                    byte[] epilogue = next <= n ? Arrays.copyOfRange(body, Math.min(next, n), n) : new byte[0];
                    return new Split(preamble, parts, epilogue);
                }
                partStart = Math.min(next, n);
            }
            pos = next;
        }
        if (preamble == null) {
            return null;
        }
        if (partStart >= 0) {
            parts.add(Arrays.copyOfRange(body, partStart, n));
        }
        return new Split(preamble, parts, new byte[0]);
    }

    /** 0: not a delimiter, 1: delimiter, 2: close delimiter. */
    private static int delimiterKind(byte[] body, int start, int end, byte[] delimiter) {
        if (end - start < delimiter.length) {
            return 0;
        }
        for (int i = 0; i < delimiter.length; i++) {
            if (body[start + i] != delimiter[i]) {
                return 0;
            }
        }
        int after = start + delimiter.length;
        if (after >= end) {
            return 1;
        }
        int c = body[after] & 0xFF;
        if (c == '-' && after + 1 < end && body[after + 1] == '-') {
            return 2;
        }
        if (c == '\r' || c == ' ' || c == '\t') {
            return 1;
        }
        // a longer boundary that starts with ours is another boundary
        return isBoundaryChar(c) ? 0 : 1;
    }

    private static boolean isBoundaryChar(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || "'()+_,-./:=?".indexOf(c) >= 0;
    }
}
