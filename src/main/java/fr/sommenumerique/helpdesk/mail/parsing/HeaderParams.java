package fr.sommenumerique.helpdesk.mail.parsing;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Lenient parser for structured headers such as Content-Type and Content-Disposition: a main value
 * followed by parameters, with RFC 2231 continuations and charsets, RFC 2047 words inside quoted values
 * and raw 8-bit values. Never throws.
 *
 * @param value  lower-cased main value ("text/plain", "attachment"), empty when missing
 * @param params lower-cased parameter names to decoded values
 */
record HeaderParams(String value, Map<String, String> params) {

    static HeaderParams parse(String header) {
        if (header == null) {
            return new HeaderParams("", Map.of());
        }
        String unfolded = TextCharsets.repairRawHeader(header.replaceAll("\\r?\\n[ \\t]*", " ")).trim();
        List<String> pieces = splitOnSemicolons(unfolded);
        String main = pieces.isEmpty() ? "" : pieces.get(0).trim().toLowerCase(Locale.ROOT);
        // "text/plain charset=..." without ';' and other junk after the type
        int space = main.indexOf(' ');
        if (space > 0 && main.contains("/")) {
            main = main.substring(0, space);
        }
        main = main.replaceAll("[\"']", "");
        Map<String, String> simple = new LinkedHashMap<>();
        Map<String, TreeMap<Integer, String[]>> continued = new LinkedHashMap<>();
        Map<String, Boolean> continuedEncoded = new LinkedHashMap<>();
        for (int i = 1; i < pieces.size(); i++) {
            String piece = pieces.get(i).trim();
            int eq = piece.indexOf('=');
            if (eq <= 0) {
                continue;
            }
            String name = piece.substring(0, eq).trim().toLowerCase(Locale.ROOT);
            String raw = piece.substring(eq + 1).trim();
            String val = unquote(raw);
            if (name.matches(".+\\*\\d+\\*?")) {
                int star = name.indexOf('*');
                String base = name.substring(0, star);
                boolean encoded = name.endsWith("*") && name.indexOf('*') != name.lastIndexOf('*');
                int index = Integer.parseInt(name.substring(star + 1).replace("*", ""));
                continued.computeIfAbsent(base, k -> new TreeMap<>()).put(index, new String[] {val, encoded ? "1" : "0"});
                if (index == 0) {
                    continuedEncoded.put(base, encoded);
                }
            } else if (name.endsWith("*")) {
                simple.put(name.substring(0, name.length() - 1), decode2231(val, null));
            } else if (!simple.containsKey(name)) {
                simple.put(name, EncodedWords.decode(val));
            }
        }
        for (Map.Entry<String, TreeMap<Integer, String[]>> e : continued.entrySet()) {
            String charset = null;
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            boolean first = true;
            for (String[] segment : e.getValue().values()) {
                String v = segment[0];
                if (segment[1].equals("1")) {
                    if (first) {
                        int q1 = v.indexOf('\'');
                        int q2 = q1 < 0 ? -1 : v.indexOf('\'', q1 + 1);
                        if (q2 > 0) {
                            charset = v.substring(0, q1);
                            v = v.substring(q2 + 1);
                        }
                    }
                    bytes.writeBytes(percentDecode(v));
                } else {
                    bytes.writeBytes(v.getBytes(StandardCharsets.UTF_8));
                }
                first = false;
            }
            String decoded = charset == null
                    ? TextCharsets.decode(bytes.toByteArray(), "UTF-8").text()
                    : TextCharsets.decode(bytes.toByteArray(), charset).text();
            // an RFC 2231 value wins over a plain one with the same name
            simple.put(e.getKey(), EncodedWords.decode(decoded));
        }
        return new HeaderParams(main, simple);
    }

    String param(String name) {
        return params.get(name.toLowerCase(Locale.ROOT));
    }

    /** Primary MIME type, e.g. "text" for "text/plain". */
    String primaryType() {
        int slash = value.indexOf('/');
        return slash < 0 ? value : value.substring(0, slash);
    }

    private static String decode2231(String val, String fallbackCharset) {
        int q1 = val.indexOf('\'');
        int q2 = q1 < 0 ? -1 : val.indexOf('\'', q1 + 1);
        if (q2 < 0) {
            return EncodedWords.decode(val);
        }
        String charset = val.substring(0, q1);
        byte[] bytes = percentDecode(val.substring(q2 + 1));
        return TextCharsets.decode(bytes, charset.isEmpty() ? fallbackCharset : charset).text();
    }

    private static byte[] percentDecode(String v) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c == '%' && i + 2 < v.length() + 0 && i + 2 <= v.length() - 1
                    && Character.digit(v.charAt(i + 1), 16) >= 0 && Character.digit(v.charAt(i + 2), 16) >= 0) {
                out.write(Integer.parseInt(v.substring(i + 1, i + 3), 16));
                i += 2;
            } else if (c > 0x7F) {
                out.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            } else {
                out.write(c);
            }
        }
        return out.toByteArray();
    }

    private static String unquote(String raw) {
        String v = raw.trim();
        if (v.startsWith("\"")) {
            StringBuilder sb = new StringBuilder();
            for (int i = 1; i < v.length(); i++) {
                char c = v.charAt(i);
                if (c == '\\' && i + 1 < v.length()) {
                    sb.append(v.charAt(++i));
                } else if (c == '"') {
                    break;
                } else {
                    sb.append(c);
                }
            }
            return sb.toString();
        }
        return v;
    }

    private static List<String> splitOnSemicolons(String s) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && quoted && i + 1 < s.length()) {
                current.append(c).append(s.charAt(++i));
                continue;
            }
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == ';' && !quoted) {
                out.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        out.add(current.toString());
        // "text/plain charset=us-ascii" (missing ';'): recover the parameter
        if (out.size() == 1) {
            String only = out.get(0).trim();
            int sp = only.indexOf(' ');
            if (sp > 0 && only.indexOf('=') > sp) {
                out.set(0, only.substring(0, sp));
                out.add(only.substring(sp + 1));
            }
        }
        return out;
    }
}
