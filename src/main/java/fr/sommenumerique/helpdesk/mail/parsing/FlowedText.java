package fr.sommenumerique.helpdesk.mail.parsing;

/**
 * Decodes {@code text/plain; format=flowed} (RFC 3676), as Thunderbird and other clients send it: a line ending with
 * a space is soft-wrapped and joins the next line of the same quote depth; space-stuffing is undone; with
 * {@code DelSp=yes} the space that marked the soft break is removed too. Quoted lines come out as {@code "> text"}
 * (one {@code >} per level), the signature separator {@code "-- "} stays a line of its own.
 */
final class FlowedText {

    private FlowedText() {
    }

    /** True when the part's {@code format} parameter says the text is flowed. */
    static boolean isFlowed(String formatParameter) {
        return formatParameter != null && formatParameter.trim().equalsIgnoreCase("flowed");
    }

    static String decode(String text, boolean delSp) {
        String[] lines = text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
        StringBuilder out = new StringBuilder(text.length());
        StringBuilder paragraph = null;
        int paragraphDepth = 0;
        for (String raw : lines) {
            int depth = 0;
            while (depth < raw.length() && raw.charAt(depth) == '>') {
                depth++;
            }
            String line = raw.substring(depth);
            if (line.startsWith(" ")) {
                line = line.substring(1); // space-stuffing (or the space after the quote marks)
            }
            if (paragraph != null && depth != paragraphDepth) {
                // a soft break cannot cross a change of quote depth: the open paragraph ends as it is
                appendLine(out, paragraphDepth, paragraph);
                paragraph = null;
            }
            boolean signatureSeparator = line.equals("-- ");
            boolean soft = !signatureSeparator && line.endsWith(" ");
            if (soft && delSp) {
                line = line.substring(0, line.length() - 1);
            }
            if (paragraph == null) {
                paragraph = new StringBuilder(line);
                paragraphDepth = depth;
            } else {
                paragraph.append(line);
            }
            if (!soft) {
                appendLine(out, paragraphDepth, paragraph);
                paragraph = null;
            }
        }
        if (paragraph != null) {
            appendLine(out, paragraphDepth, paragraph);
        }
        if (out.length() > 0) {
            out.setLength(out.length() - 1); // the split kept a last (possibly empty) line: no newline after it
        }
        return out.toString();
    }

    private static void appendLine(StringBuilder out, int depth, CharSequence content) {
        if (depth > 0) {
            out.append(">".repeat(depth));
            if (!content.isEmpty()) {
                out.append(' ');
            }
        }
        out.append(content).append('\n');
    }
}
