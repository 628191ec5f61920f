package fr.sommenumerique.helpdesk.knowledge.files;

import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads the plain front matter articles are written in ({@code key: value}, {@code key: [a, b]}, {@code key:} then
 * {@code   - item} lines) as SnakeYAML reads it, each value typed by SnakeYAML's own resolver; returns null for anything
 * else, which SnakeYAML then reads. Why: SnakeYAML's scanner, run cold over every article at start, cost a large
 * share of the start on one core (mostly compiling its scanner).
 */
final class SimpleFrontMatter {

    private static final Pattern KEY = Pattern.compile("[a-z_]+");
    private static final Pattern SMALL_NUMBER = Pattern.compile("0|[1-9][0-9]{0,8}");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final String INDICATORS = "-?:,[]{}#&*!|>'\"%@`";
    private static final Resolver RESOLVER = new Resolver();

    private SimpleFrontMatter() {
    }

    /** The fields, or null when the text is not in the plain form read here. */
    static Map<String, Object> read(String yaml) {
        Map<String, Object> fields = new LinkedHashMap<>();
        String[] lines = yaml.split("\n", -1);
        int i = 0;
        while (i < lines.length) {
            String line = lines[i++];
            if (line.isBlank()) {
                continue;
            }
            int colon = line.indexOf(':');
            if (colon < 0 || !KEY.matcher(line.substring(0, colon)).matches()
                    || !Tag.STR.equals(RESOLVER.resolve(NodeId.scalar, line.substring(0, colon), true))
                    || fields.containsKey(line.substring(0, colon))) {
                return null;
            }
            String key = line.substring(0, colon);
            String rest = line.substring(colon + 1);
            Object value;
            if (rest.isBlank()) {
                List<Object> items = new ArrayList<>();
                while (i < lines.length && lines[i].startsWith("  - ")) {
                    Object item = scalar(lines[i++].substring(4), false);
                    if (item == null) {
                        return null;
                    }
                    items.add(item);
                }
                if (items.isEmpty()) {
                    return null;
                }
                value = items;
            } else if (!rest.startsWith(" ")) {
                return null;
            } else if (rest.strip().startsWith("[")) {
                value = flowList(rest.strip());
            } else {
                value = scalar(rest, false);
            }
            if (value == null) {
                return null;
            }
            fields.put(key, value);
        }
        return fields.isEmpty() ? null : fields;
    }

    private static List<Object> flowList(String text) {
        if (!text.endsWith("]")) {
            return null;
        }
        List<Object> items = new ArrayList<>();
        String inside = text.substring(1, text.length() - 1);
        if (inside.isBlank()) {
            return items;
        }
        for (String part : inside.split(",", -1)) {
            Object item = scalar(part, true);
            if (item == null) {
                return null;
            }
            items.add(item);
        }
        return items;
    }

    /** A double-quoted scalar without escapes, or a plain one typed by the resolver; null when unsure. */
    private static Object scalar(String raw, boolean inFlow) {
        String text = raw.strip();
        if (text.isEmpty()) {
            return null;
        }
        if (text.charAt(0) == '"') {
            if (text.length() < 2 || !text.endsWith("\"")) {
                return null;
            }
            String inside = text.substring(1, text.length() - 1);
            return inside.indexOf('"') < 0 && inside.indexOf('\\') < 0 ? inside : null;
        }
        if (INDICATORS.indexOf(text.charAt(0)) >= 0 || text.contains(": ") || text.endsWith(":")
                || text.contains(" #") || text.contains("\t")
                || inFlow && (text.indexOf(':') >= 0 || text.indexOf('#') >= 0 || text.indexOf('[') >= 0
                || text.indexOf(']') >= 0 || text.indexOf('{') >= 0 || text.indexOf('}') >= 0)) {
            return null;
        }
        Tag tag = RESOLVER.resolve(NodeId.scalar, text, true);
        if (Tag.STR.equals(tag)) {
            return text;
        }
        if (Tag.BOOL.equals(tag)) {
            String lower = text.toLowerCase(Locale.ROOT);
            return lower.equals("true") || lower.equals("yes") || lower.equals("on");
        }
        if (Tag.INT.equals(tag) && SMALL_NUMBER.matcher(text).matches()) {
            return Integer.valueOf(text); // as SnakeYAML reads a decimal that fits an int (« 2003 » among tags)
        }
        if (Tag.TIMESTAMP.equals(tag) && DATE.matcher(text).matches()) {
            try {
                // as SnakeYAML builds a date alone: midnight UTC
                return Date.from(LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant());
            } catch (DateTimeException e) {
                return null; // SnakeYAML's calendar is lenient (« 2026-02-30 »): leave it to it
            }
        }
        return null;
    }
}
