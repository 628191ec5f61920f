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
    // Subjects are matched as whole leading phrases followed by a separator (":" , "-", "(", end), never as bare
    // words: « Absence de réponse de la préfecture », « Absent du tableau », « Vacation du commissaire » or
    // « Accusé de réception Actes non reçu » are written by people.
    private static final String END_OF_PHRASE = "(?=[\\s\\u00A0\\u202F]*(?:[:：\\-–—(\\[]|$))";
    private static final Pattern OOF_SUBJECT = Pattern.compile(
            "(?iu)^[\\s\\u00A0]*(?:(?:r[ée]ponse automatique|absence du bureau|absent(?:e|\\(e\\))? du bureau"
                    + "|message d['’]absence|notification d['’]absence|out of (?:the )?office(?: auto-?reply)?"
                    + "|automatic reply|abwesenheitsnotiz|vacation reply|away from (?:the )?office)" + END_OF_PHRASE
                    // Lotus Notes style « AUTO: … »; with a space before the colon it is French typing, a person's
                    + "|auto:"
                    // « Absent(e) du 3 au 10 août », « En congés jusqu'au 5 janvier »: only with dates
                    + "|(?:absente?s?|absent\\(e\\)|en cong[ée]s?)[\\s\\u00A0]+(?:du[\\s\\u00A0]+(?:[a-zé]+[\\s\\u00A0]+)?\\d{1,2}"
                    + "(?:er)?\\b.{0,40}?\\bau[\\s\\u00A0]+(?:[a-zé]+[\\s\\u00A0]+)?\\d{1,2}"
                    + "|jusqu['’]au[\\s\\u00A0]+(?:[a-zé]+[\\s\\u00A0]+)?\\d{1,2}))");
    private static final Pattern AUTO_SUBJECT = Pattern.compile(
            "(?iu)^[\\s\\u00A0]*(?:auto(?:matic)?[ -]?(?:reply|response|antwort)|autoreply|r[ée]ponse automatis[ée]e"
                    + "|message automatique|ne pas r[ée]pondre|no-?reply)" + END_OF_PHRASE);
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
        boolean suppressAll = suppressesAll(h);
        String precedence = h.first("Precedence").map(v -> v.trim().toLowerCase(Locale.ROOT)).orElse("");
        boolean oofSubject = OOF_SUBJECT.matcher(subject).find();
        if (h.has("X-MS-Exchange-Inbox-Rules-Loop") && suppressAll) {
            return MachineMailVerdict.of(MachineMailKind.OUT_OF_OFFICE, "Réponse d'absence Exchange (X-Auto-Response-Suppress et boucle de règles).");
        }
        if (autoSubmitted.contains("vacation") || autoSubmitted.matches("auto-replied;\\s*owner-email=.*")) {
            return MachineMailVerdict.of(MachineMailKind.OUT_OF_OFFICE, "Auto-Submitted: " + autoSubmitted + " (répondeur d'absence).");
        }
        boolean autoHeader = autoSubmittedYes || h.has("X-Autoreply") || h.has("X-Autorespond") || h.has("X-AutoReply-From")
                || h.has("X-Mail-Autoreply") || suppressAll || precedence.equals("auto_reply") || h.first("X-Loop").isPresent();
        boolean noReplySender = NO_REPLY.matcher(fromLocal).matches();
        if (oofSubject && (autoHeader || nullReturnPath || noReplySender)) {
            return MachineMailVerdict.of(MachineMailKind.OUT_OF_OFFICE, "Objet de message d'absence : « " + subject
                    + " », confirmé par les en-têtes.");
        }
        if (autoHeader) {
            if (autoSubmitted.startsWith("auto-replied") && ABSENCE_WORDS.matcher(firstLines(mail.textBody())).find()) {
                return MachineMailVerdict.of(MachineMailKind.OUT_OF_OFFICE, "Réponse automatique annonçant une absence.");
            }
            return MachineMailVerdict.of(MachineMailKind.AUTO_REPLY, "En-tête de réponse automatique ("
                    + describeAutoHeader(h, autoSubmitted, precedence, suppressAll) + ").");
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
        if (noReplySender) {
            return MachineMailVerdict.of(MachineMailKind.AUTO_REPLY, "Expéditeur « " + mail.from().address() + " » : robot sans réponse.");
        }

        // 5. the subject alone: likely automatic, but no header confirms it, so the caller must not drop it
        if (oofSubject) {
            return MachineMailVerdict.bySubject(MachineMailKind.OUT_OF_OFFICE, "Objet de message d'absence : « "
                    + subject + " » (aucun en-tête ne le confirme).");
        }
        if (AUTO_SUBJECT.matcher(subject).find()) {
            return MachineMailVerdict.bySubject(MachineMailKind.AUTO_REPLY, "Objet de réponse automatique : « "
                    + subject + " » (aucun en-tête ne le confirme).");
        }
        return MachineMailVerdict.of(MachineMailKind.HUMAN, "Aucun signe de message automatique.");
    }

    /**
     * X-Auto-Response-Suppress (Microsoft, MS-OXCMAIL) asks others not to answer. Only {@code All} marks a message
     * as automatic: Exchange puts it on its absence notices and robots (GitHub, Jira…) on their notifications,
     * whereas {@code DR, RN, NRN, OOF, AutoReply} is stamped by Exchange Online on ordinary mail written by people
     * (seen on mailing-list posts sent through Office 365), and {@code None} suppresses nothing.
     */
    static boolean suppressesAll(MailHeaders h) {
        for (String value : h.all("X-Auto-Response-Suppress")) {
            for (String token : value.split("[,;\\s]+")) {
                if (token.equalsIgnoreCase("All")) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String describeAutoHeader(MailHeaders h, String autoSubmitted, String precedence, boolean suppressAll) {
        if (!autoSubmitted.isEmpty()) {
            return "Auto-Submitted: " + autoSubmitted;
        }
        if (suppressAll) {
            return "X-Auto-Response-Suppress: All";
        }
        for (String name : List.of("X-Autoreply", "X-Autorespond", "X-AutoReply-From", "X-Mail-Autoreply", "X-Loop")) {
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
