package fr.sommenumerique.helpdesk.mail.parsing;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * Lenient charset resolution and decoding: declared charset first, then UTF-8 if the bytes are valid
 * UTF-8, then windows-1252 (which never fails and is what Latin-1 mailers really send).
 */
final class TextCharsets {

    static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    /** Labels seen in the wild that Java does not know, or knows under another name. */
    private static final Map<String, String> ALIASES = Map.ofEntries(
            Map.entry("utf8", "UTF-8"),
            Map.entry("utf-8lias", "UTF-8"),
            Map.entry("unicode-1-1-utf-8", "UTF-8"),
            Map.entry("latin1", "ISO-8859-1"),
            Map.entry("latin-1", "ISO-8859-1"),
            Map.entry("iso8859-1", "ISO-8859-1"),
            Map.entry("iso-8859-8-i", "ISO-8859-8"),
            Map.entry("iso-8859-6-i", "ISO-8859-6"),
            Map.entry("ks_c_5601-1987", "x-windows-949"),
            Map.entry("ks_c_5601", "x-windows-949"),
            Map.entry("gb2312", "GBK"),
            Map.entry("x-gbk", "GBK"),
            Map.entry("x-sjis", "Shift_JIS"),
            Map.entry("ansi_x3.4-1968", "US-ASCII"),
            Map.entry("ascii", "US-ASCII"),
            Map.entry("us-ascii", "US-ASCII"),
            Map.entry("iso-646-us", "US-ASCII"),
            Map.entry("646", "US-ASCII"),
            Map.entry("cp-1252", "windows-1252"),
            Map.entry("win-1252", "windows-1252"),
            Map.entry("x-mac-roman", "x-MacRoman"),
            Map.entry("macintosh", "x-MacRoman"));

    /** Result of decoding: the text and the charset that was finally used. */
    record Decoded(String text, Charset charset, boolean fallback) {
    }

    private TextCharsets() {
    }

    /** Resolves a declared charset label leniently; null when unknown or absent. */
    static Charset lookup(String label) {
        if (label == null) {
            return null;
        }
        String cleaned = label.trim();
        // RFC 2231 language suffix, quotes, stray punctuation
        int star = cleaned.indexOf('*');
        if (star > 0) {
            cleaned = cleaned.substring(0, star);
        }
        cleaned = cleaned.replaceAll("^[\"']+|[\"';,.\\s]+$", "").trim();
        if (cleaned.isEmpty()) {
            return null;
        }
        String lower = cleaned.toLowerCase(Locale.ROOT);
        String alias = ALIASES.get(lower);
        try {
            return Charset.forName(alias != null ? alias : cleaned);
        } catch (IllegalArgumentException e) {
            // "iso8859_15", "windows1252" and similar spellings
            String normalized = lower.replace('_', '-');
            if (normalized.matches("iso-?8859-?\\d+")) {
                normalized = "ISO-8859-" + normalized.replaceAll("iso-?8859-?", "");
            } else if (normalized.matches("(windows|cp|win)-?125\\d")) {
                normalized = "windows-" + normalized.replaceAll("\\D", "");
            }
            try {
                return Charset.forName(normalized);
            } catch (IllegalArgumentException again) {
                return null;
            }
        }
    }

    /** Decodes bytes with the declared charset, falling back leniently. Never throws. */
    static Decoded decode(byte[] bytes, String declaredLabel) {
        Charset declared = lookup(declaredLabel);
        if (declared != null) {
            Charset effective = widenLatin1(declared, bytes);
            String strict = decodeStrict(bytes, effective);
            if (strict != null) {
                return new Decoded(strict, effective, false);
            }
            if (effective.equals(StandardCharsets.UTF_8) && mostlyUtf8(bytes)) {
                return new Decoded(decodeLenient(bytes, StandardCharsets.UTF_8), StandardCharsets.UTF_8, false);
            }
        }
        return detect(bytes, declared != null);
    }

    /** No usable declaration: pure ASCII, then valid UTF-8, else windows-1252. */
    static Decoded detect(byte[] bytes, boolean declarationWasWrong) {
        if (isAscii(bytes)) {
            return new Decoded(new String(bytes, StandardCharsets.US_ASCII), StandardCharsets.US_ASCII,
                    declarationWasWrong);
        }
        String utf8 = decodeStrict(bytes, StandardCharsets.UTF_8);
        if (utf8 != null) {
            return new Decoded(utf8, StandardCharsets.UTF_8, true);
        }
        return new Decoded(decodeLenient(bytes, WINDOWS_1252), WINDOWS_1252, true);
    }

    /**
     * ISO-8859-1 and US-ASCII labels: bytes 0x80-0x9F are C1 controls in Latin-1 but printable in
     * windows-1252, which is what the sender meant in practice.
     */
    private static Charset widenLatin1(Charset declared, byte[] bytes) {
        if (declared.equals(StandardCharsets.ISO_8859_1) && hasC1Bytes(bytes)) {
            return WINDOWS_1252;
        }
        return declared;
    }

    static boolean isAscii(byte[] bytes) {
        for (byte b : bytes) {
            if (b < 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean hasC1Bytes(byte[] bytes) {
        for (byte b : bytes) {
            int v = b & 0xFF;
            if (v >= 0x80 && v <= 0x9F) {
                return true;
            }
        }
        return false;
    }

    static String decodeStrict(byte[] bytes, Charset charset) {
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            CharBuffer chars = decoder.decode(ByteBuffer.wrap(bytes));
            return chars.toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    static String decodeLenient(byte[] bytes, Charset charset) {
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        try {
            return decoder.decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return new String(bytes, charset);
        }
    }

    /** True when valid multi-byte UTF-8 sequences clearly outnumber invalid bytes. */
    static boolean mostlyUtf8(byte[] bytes) {
        int valid = 0;
        int invalid = 0;
        int i = 0;
        while (i < bytes.length) {
            int b = bytes[i] & 0xFF;
            if (b < 0x80) {
                i++;
                continue;
            }
            int len = b >= 0xF0 && b <= 0xF4 ? 4 : b >= 0xE0 ? 3 : b >= 0xC2 && b < 0xE0 ? 2 : 0;
            if (len == 0 || i + len > bytes.length) {
                invalid++;
                i++;
                continue;
            }
            boolean ok = true;
            for (int k = 1; k < len; k++) {
                if ((bytes[i + k] & 0xC0) != 0x80) {
                    ok = false;
                    break;
                }
            }
            if (ok) {
                valid++;
                i += len;
            } else {
                invalid++;
                i++;
            }
        }
        return valid > 0 && valid >= invalid * 3;
    }

    /**
     * Header text read by Jakarta Mail as ISO-8859-1 (one char per byte): recover the bytes and decode
     * them as UTF-8 when valid, else windows-1252.
     */
    static String repairRawHeader(String value) {
        if (value == null) {
            return null;
        }
        boolean high = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c > 0xFF) {
                return value; // already Unicode, nothing to recover
            }
            if (c >= 0x80) {
                high = true;
            }
        }
        if (!high) {
            return value;
        }
        byte[] bytes = value.getBytes(StandardCharsets.ISO_8859_1);
        String utf8 = decodeStrict(bytes, StandardCharsets.UTF_8);
        return utf8 != null ? utf8 : decodeLenient(bytes, WINDOWS_1252);
    }
}
