package fr.sommenumerique.helpdesk.telegram;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;

/**
 * Reads Bot API parameters the ways Telegram accepts them: query string, JSON body, URL-encoded form and
 * multipart/form-data. Uploaded files become {@code {"filename":…,"content_type":…,"size":…}} and their bytes are
 * kept under the same name in {@link Request#uploads()}.
 */
final class FakeHttpRequests {

    record Request(ObjectNode params, Map<String, byte[]> uploads) {
    }

    private FakeHttpRequests() {
    }

    static Request read(HttpExchange exchange, ObjectMapper json) throws IOException {
        ObjectNode params = json.createObjectNode();
        Map<String, byte[]> uploads = new java.util.LinkedHashMap<>();
        String query = exchange.getRequestURI().getRawQuery();
        if (query != null) {
            form(query, params);
        }
        byte[] body = exchange.getRequestBody().readAllBytes();
        String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        if (body.length == 0) {
            return new Request(params, uploads);
        }
        if (type.startsWith("application/json")) {
            JsonNode node = json.readTree(body);
            if (node != null && node.isObject()) {
                for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> field = it.next();
                    params.set(field.getKey(), field.getValue());
                }
            }
        } else if (type.startsWith("multipart/form-data")) {
            multipart(body, boundary(contentType), params, uploads);
        } else {
            form(new String(body, StandardCharsets.UTF_8), params);
        }
        return new Request(params, uploads);
    }

    private static void form(String encoded, ObjectNode params) {
        for (String pair : encoded.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            params.put(name, value);
        }
    }

    private static String boundary(String contentType) {
        for (String part : contentType.split(";")) {
            String p = part.strip();
            if (p.toLowerCase(Locale.ROOT).startsWith("boundary=")) {
                String b = p.substring("boundary=".length());
                return b.startsWith("\"") && b.endsWith("\"") ? b.substring(1, b.length() - 1) : b;
            }
        }
        throw new IllegalArgumentException("multipart body without boundary");
    }

    private static void multipart(byte[] body, String boundary, ObjectNode params, Map<String, byte[]> uploads) {
        // ISO-8859-1 maps bytes 1:1 to chars, so offsets found in the string are byte offsets
        String raw = new String(body, StandardCharsets.ISO_8859_1);
        String delimiter = "--" + boundary;
        int pos = raw.indexOf(delimiter);
        while (pos >= 0) {
            int partStart = pos + delimiter.length();
            if (raw.startsWith("--", partStart)) {
                break;
            }
            partStart = raw.indexOf("\r\n", partStart) + 2;
            int next = raw.indexOf("\r\n" + delimiter, partStart);
            if (next < 0) {
                break;
            }
            int headersEnd = raw.indexOf("\r\n\r\n", partStart);
            String headers = raw.substring(partStart, headersEnd);
            byte[] content = Arrays.copyOfRange(body, headersEnd + 4, next);
            String name = headerParameter(headers, "name");
            String filename = headerParameter(headers, "filename");
            if (name != null) {
                if (filename != null) {
                    ObjectNode file = params.putObject(name);
                    file.put("filename", new String(filename.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8));
                    file.put("content_type", headerValue(headers, "content-type"));
                    file.put("size", content.length);
                    uploads.put(name, content);
                } else {
                    params.put(name, new String(content, StandardCharsets.UTF_8));
                }
            }
            pos = next + 2;
        }
    }

    private static String headerParameter(String headers, String parameter) {
        for (String line : headers.split("\r\n")) {
            if (!line.toLowerCase(Locale.ROOT).startsWith("content-disposition:")) {
                continue;
            }
            for (String piece : line.split(";")) {
                String p = piece.strip();
                if (p.startsWith(parameter + "=")) {
                    String v = p.substring(parameter.length() + 1);
                    return v.startsWith("\"") && v.endsWith("\"") ? v.substring(1, v.length() - 1) : v;
                }
            }
        }
        return null;
    }

    private static String headerValue(String headers, String name) {
        for (String line : headers.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).strip().equalsIgnoreCase(name)) {
                return line.substring(colon + 1).strip();
            }
        }
        return null;
    }
}
