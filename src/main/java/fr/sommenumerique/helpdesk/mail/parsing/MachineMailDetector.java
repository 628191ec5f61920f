package fr.sommenumerique.helpdesk.mail.parsing;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tells mails written by people from robots: our own mails coming back, delivery failures, absence
 * notices, other automatic answers and mailing lists. Header signals first (RFC 3834 Auto-Submitted,
 * Precedence, List-*, Return-Path &lt;&gt;, RFC 3464 delivery reports, Exchange/Zimbra/Gmail markers, as
 * Zammad's filters do), then French and English subjects.
 */
public final class MachineMailDetector {

    /** Header we add to every mail we send; finding it on an incoming mail means a loop. */
    public static final String LOOP_HEADER = "X-Helpdesk-Loop";

    private static final Pattern BOUNCE_SUBJECT = Pattern.compile(
            "(?i)^\\s*(?:undeliverable|undelivered mail|non remis|non distribuable|remise impossible"
                    + "|échec de (?:la )?(?:remise|distribution)|echec de (?:la )?(?:remise|distribution)"
                    + "|mail delivery failed|delivery status notification|delivery failure|failure notice"
                    + "|returned mail|mail system error|message non délivré|message non delivre|non-délivrance"
                    + "|notification d'état de (?:la )?remise|rapport de non-remise|delivery has failed"
                    + "|mail delivery (?:subsystem|system)|could not send message|undeliverable mail)");
    private static final Pattern OOF_SUBJECT = Pattern.compile(
            "(?i)^\\s*(?:réponse automatique|reponse automatique|absence du bureau|absent du bureau|message d'absence"
                    + "|message d’absence|absence|absent(?:e)?\\b|je suis absente?|en congés?|out of (?:the )?office"
                    + "|automatic reply|auto(?:matic)? ?reply:? ?out|abwesenheit|abwesend|vacation|on vacation"
                    + "|away from (?:the )?office|autoreply: out)");
    private static final Pattern AUTO_SUBJECT = Pattern.compile(
            "(?i)^\\s*(?:auto(?:matic)?[ -]?(?:reply|response|antwort)|accusé de (?:réception|reception)"
                    + "|réponse automatisée|message automatique|ne pas répondre|ne pas repondre|no-?reply)");
    private static final Pattern ABSENCE_WORDS = Pattern.compile(
            "(?i)(?:absente?|congés?|conges|out of (?:the )?office|vacation|en déplacement|de retour le|back on"
                    + "|ne serai pas disponible|actuellement indisponible|pas au bureau)");
    private static final Pattern DAEMON = Pattern.compile(
            "(?i)^(?:mailer-daemon|postmaster|mail-daemon|mailerdaemon|mail\\.?delivery\\.?system)$");
    private static final Pattern NO_REPLY = Pattern.compile(
            "(?i)^(?:no-?reply|do-?not-?reply|donotreply|ne-?pas-?repondre|nepasrepondre|noreponse|no_reply|notifications?)(?:[+._-].*)?$");

    private final String ownDomain;

    /** @param ownDomain our mail domain, e.g. {@code mairie-connectee.local} (case-insensitive) */
    public MachineMailDetector(String ownDomain) {
        if (ownDomain == null || ownDomain.isBlank()) {
            throw new IllegalArgumentException("Le domaine de messagerie du support est obligatoire.");
        }
        this.ownDomain = ownDomain.trim().toLowerCase(Locale.ROOT);
    }

    public MachineMailVerdict classify(ParsedMail mail) {
        MailHeaders h = mail.headers();
        String subject = mail.subject() == null ? "" : mail.subject().strip();
        String fromLocal = mail.from() == null ? "" : mail.from().localPart();

        // 1. our own mail looping back
        if (h.has(LOOP_HEADER)) {
            return MachineMailVerdict.of(MachineMailKind.OWN_MAIL, "En-tête " + LOOP_HEADER + " présent : message émis par le support.");
        }
        // 2. delivery failures
        List<String> failed = failedRecipients(mail);
        boolean report = isDeliveryReport(mail);
        if (report || h.has("X-Failed-Recipients")) {
            if (report && failed.isEmpty() && !hasFailedAction(mail) && !h.has("X-Failed-Recipients")) {
                return MachineMailVerdict.of(MachineMailKind.AUTO_REPLY,
                        "Rapport de remise sans échec (remis, relayé ou retardé).");
            }
            return new MachineMailVerdict(MachineMailKind.BOUNCE,
                    report ? "Rapport de non-remise (multipart/report, delivery-status)." : "En-tête X-Failed-Recipients.",
                    failed);
        }
        if (DAEMON.matcher(fromLocal).matches()) {
            return new MachineMailVerdict(MachineMailKind.BOUNCE, "Expéditeur " + mail.from().address() + " (robot de messagerie).",
                    failed);
        }
        boolean nullReturnPath = h.all("Return-Path").stream().anyMatch(v -> v.replaceAll("\\s", "").equals("<>"));
        if (BOUNCE_SUBJECT.matcher(subject).find() && (nullReturnPath || mail.from() == null
                || fromLocal.contains("daemon") || fromLocal.contains("postmaster") || !mail.attachedMessages().isEmpty())) {
            return new MachineMailVerdict(MachineMailKind.BOUNCE, "Objet de non-remise : « " + subject + " ».", failed);
        }

        String idDomain = domainOf(mail.messageId());
        if (idDomain != null && (idDomain.equals(ownDomain) || idDomain.endsWith("." + ownDomain))) {
            return MachineMailVerdict.of(MachineMailKind.OWN_MAIL,
                    "Message-ID dans notre domaine (" + idDomain + ") : message émis par le support.");
        }

        // 3. absence notices and other automatic answers
        String autoSubmitted = h.first("Auto-Submitted").map(v -> v.trim().toLowerCase(Locale.ROOT)).orElse("");
        boolean autoSubmittedYes = !autoSubmitted.isEmpty() && !autoSubmitted.startsWith("no");
        String suppress = h.first("X-Auto-Response-Suppress").orElse("");
        String precedence = h.first("Precedence").map(v -> v.trim().toLowerCase(Locale.ROOT)).orElse("");
        boolean oofSubject = OOF_SUBJECT.matcher(subject).find();
        if (h.has("X-MS-Exchange-Inbox-Rules-Loop") && suppress.toLowerCase(Locale.ROOT).contains("all")) {
            return MachineMailVerdict.of(MachineMailKind.OUT_OF_OFFICE, "Réponse d'absence Exchange (X-Auto-Response-Suppress et boucle de règles).");
        }
        if (autoSubmitted.contains("vacation") || autoSubmitted.matches("auto-replied;\\s*owner-email=.*")) {
            return MachineMailVerdict.of(MachineMailKind.OUT_OF_OFFICE, "Auto-Submitted: " + autoSubmitted + " (répondeur d'absence).");
        }
        if (oofSubject) {
            return MachineMailVerdict.of(MachineMailKind.OUT_OF_OFFICE, "Objet de message d'absence : « " + subject + " ».");
        }
        boolean autoHeader = autoSubmittedYes || h.has("X-Autoreply") || h.has("X-Autorespond") || h.has("X-AutoReply-From")
                || h.has("X-Mail-Autoreply") || suppress.toLowerCase(Locale.ROOT).contains("all")
                || precedence.equals("auto_reply") || h.first("X-Loop").isPresent();
        if (autoHeader) {
            if (autoSubmitted.startsWith("auto-replied") && ABSENCE_WORDS.matcher(firstLines(mail.textBody())).find()) {
                return MachineMailVerdict.of(MachineMailKind.OUT_OF_OFFICE, "Réponse automatique annonçant une absence.");
            }
            return MachineMailVerdict.of(MachineMailKind.AUTO_REPLY, "En-tête de réponse automatique ("
                    + describeAutoHeader(h, autoSubmitted, precedence) + ").");
        }
        if (AUTO_SUBJECT.matcher(subject).find()) {
            return MachineMailVerdict.of(MachineMailKind.AUTO_REPLY, "Objet de réponse automatique : « " + subject + " ».");
        }

        // 4. lists and bulk mail
        if (h.has("List-Id") || h.has("List-Unsubscribe") || h.has("List-Post") || h.has("X-Mailing-List")
                || precedence.equals("bulk") || precedence.equals("list") || precedence.equals("junk")) {
            return MachineMailVerdict.of(MachineMailKind.MAILING_LIST, "Liste de diffusion ou envoi en nombre ("
                    + (h.has("List-Id") ? "List-Id" : h.has("List-Unsubscribe") ? "List-Unsubscribe" : "Precedence: " + precedence) + ").");
        }
        if (nullReturnPath) {
            return MachineMailVerdict.of(MachineMailKind.AUTO_REPLY, "Return-Path vide (<>) : message automatique.");
        }
        if (NO_REPLY.matcher(fromLocal).matches()) {
            return MachineMailVerdict.of(MachineMailKind.AUTO_REPLY, "Expéditeur « " + mail.from().address() + " » : robot sans réponse.");
        }
        return MachineMailVerdict.of(MachineMailKind.HUMAN, "Aucun signe de message automatique.");
    }

    private static String describeAutoHeader(MailHeaders h, String autoSubmitted, String precedence) {
        if (!autoSubmitted.isEmpty()) {
            return "Auto-Submitted: " + autoSubmitted;
        }
        for (String name : List.of("X-Autoreply", "X-Autorespond", "X-AutoReply-From", "X-Mail-Autoreply",
                "X-Auto-Response-Suppress", "X-Loop")) {
            if (h.has(name)) {
                return name;
            }
        }
        return "Precedence: " + precedence;
    }

    private static String firstLines(String text) {
        return text == null ? "" : text.length() > 1500 ? text.substring(0, 1500) : text;
    }

    private static String domainOf(String messageId) {
        if (messageId == null) {
            return null;
        }
        int at = messageId.lastIndexOf('@');
        return at < 0 ? null : messageId.substring(at + 1).trim().toLowerCase(Locale.ROOT).replaceAll("[>\\s]", "");
    }

    private static boolean isDeliveryReport(ParsedMail mail) {
        String ct = mail.headers().first("Content-Type").orElse("").toLowerCase(Locale.ROOT);
        if (ct.startsWith("multipart/report") && ct.replace("\"", "").contains("report-type=delivery-status")) {
            return true;
        }
        return mail.parts().stream().anyMatch(p -> p.contentType().equals("message/delivery-status")
                || p.contentType().equals("message/global-delivery-status"));
    }

    private static boolean hasFailedAction(ParsedMail mail) {
        for (MailPart p : mail.parts()) {
            if (p.contentType().endsWith("delivery-status")) {
                String text = new String(p.bytes(), StandardCharsets.UTF_8);
                if (Pattern.compile("(?im)^Action:\\s*failed").matcher(text).find()) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Final-Recipient of each per-recipient block whose Action is failed, plus X-Failed-Recipients. */
    static List<String> failedRecipients(ParsedMail mail) {
        Set<String> out = new LinkedHashSet<>();
        for (String header : mail.headers().all("X-Failed-Recipients")) {
            for (String a : header.split("[,\\s]+")) {
                if (a.contains("@")) {
                    out.add(a.trim().toLowerCase(Locale.ROOT));
                }
            }
        }
        for (MailPart p : mail.parts()) {
            if (!p.contentType().endsWith("delivery-status")) {
                continue;
            }
            String text = new String(p.bytes(), StandardCharsets.UTF_8).replace("\r\n", "\n");
            // blocks are separated by blank lines; the first one is per-message
            List<String> blocks = new ArrayList<>(List.of(text.split("\\n\\s*\\n")));
            for (String block : blocks) {
                String unfolded = block.replaceAll("\\n[ \\t]+", " ");
                Matcher action = Pattern.compile("(?im)^Action:\\s*(\\S+)").matcher(unfolded);
                if (!action.find() || !action.group(1).toLowerCase(Locale.ROOT).startsWith("failed")) {
                    continue;
                }
                Matcher recipient = Pattern.compile("(?im)^(?:Final|Original)-Recipient:\\s*(?:[^;\\n]*;)?\\s*<?([^\\s>]+@[^\\s>]+)>?")
                        .matcher(unfolded);
                if (recipient.find()) {
                    out.add(Normalizer.normalize(recipient.group(1), Normalizer.Form.NFC).toLowerCase(Locale.ROOT));
                }
            }
        }
        return new ArrayList<>(out);
    }
}
