package fr.sommenumerique.helpdesk.mail.parsing;

import fr.sommenumerique.helpdesk.knowledge.TextCut;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
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
        // 2. reports: read receipts, then delivery status notifications
        if (MachineReports.isReadReceipt(mail)) {
            return readReceipt(mail);
        }
        List<String> failed = failedRecipients(mail);
        boolean report = MachineReports.isDeliveryReport(mail);
        if (report || h.has("X-Failed-Recipients")) {
            if (report && failed.isEmpty() && !h.has("X-Failed-Recipients")) {
                return deliveryReport(mail);
            }
            return MachineMailVerdict.report(MachineMailKind.BOUNCE,
                    report ? "Rapport de non-remise (multipart/report, delivery-status)." : "En-tête X-Failed-Recipients.",
                    failed, bounceNote(mail, failed), MachineReports.returnedMessageId(mail));
        }
        if (DAEMON.matcher(fromLocal).matches()) {
            return MachineMailVerdict.report(MachineMailKind.BOUNCE, "Expéditeur " + mail.from().address()
                    + " (robot de messagerie).", failed, null, MachineReports.returnedMessageId(mail));
        }
        boolean nullReturnPath = h.all("Return-Path").stream().anyMatch(v -> v.replaceAll("\\s", "").equals("<>"));
        if (BOUNCE_SUBJECT.matcher(subject).find() && (nullReturnPath || mail.from() == null
                || fromLocal.contains("daemon") || fromLocal.contains("postmaster") || !mail.attachedMessages().isEmpty())) {
            return MachineMailVerdict.report(MachineMailKind.BOUNCE, "Objet de non-remise : « " + subject + " ».",
                    failed, null, MachineReports.returnedMessageId(mail));
        }
        // 3. an attendee's answer to an invitation: a click in a calendar, not a message to answer
        if (mail.calendar() != null && mail.calendar().isReply()) {
            return calendarReply(mail);
        }

        String idDomain = domainOf(mail.messageId());
        if (idDomain != null && (idDomain.equals(ownDomain) || idDomain.endsWith("." + ownDomain))) {
            return MachineMailVerdict.of(MachineMailKind.OWN_MAIL,
                    "Message-ID dans notre domaine (" + idDomain + ") : message émis par le support.");
        }

        // 4. absence notices, other automatic answers and notifications
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
            if (autoSubmitted.startsWith("auto-generated")) {
                return notice(mail, "Auto-Submitted: " + autoSubmitted + " (avis généré par un programme)");
            }
            return MachineMailVerdict.of(MachineMailKind.AUTO_REPLY, "En-tête de réponse automatique ("
                    + describeAutoHeader(h, autoSubmitted, precedence, suppressAll) + ").");
        }

        // 5. lists and bulk mail
        if (h.has("List-Id") || h.has("List-Unsubscribe") || h.has("List-Post") || h.has("X-Mailing-List")
                || precedence.equals("bulk") || precedence.equals("list") || precedence.equals("junk")) {
            return MachineMailVerdict.of(MachineMailKind.MAILING_LIST, "Liste de diffusion ou envoi en nombre ("
                    + (h.has("List-Id") ? "List-Id" : h.has("List-Unsubscribe") ? "List-Unsubscribe" : "Precedence: " + precedence) + ").");
        }
        if (nullReturnPath) {
            return MachineMailVerdict.of(MachineMailKind.AUTO_REPLY, "Return-Path vide (<>) : message automatique.");
        }
        if (noReplySender) {
            return notice(mail, "Expéditeur « " + mail.from().address() + " » : robot sans réponse");
        }

        // 6. the subject alone: likely automatic, but no header confirms it, so the caller must not drop it
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
        for (MachineReports.RecipientStatus status : MachineReports.deliveryStatuses(mail)) {
            if (status.action().startsWith("failed") && !status.recipient().isEmpty()) {
                out.add(status.recipient());
            }
        }
        return new ArrayList<>(out);
    }

    private static MachineMailVerdict readReceipt(ParsedMail mail) {
        MachineReports.ReadReceipt receipt = MachineReports.readReceipt(mail);
        String reader = !receipt.reader().isEmpty() ? receipt.reader() : mail.from() == null ? "le destinataire"
                : mail.from().address();
        String when = mail.date() == null ? "" : " le " + MachineReports.frenchDateTime(mail.date());
        String what = switch (receipt.disposition()) {
            case "deleted" -> "supprimé sans avoir été lu";
            case "dispatched", "processed" -> "traité sans être affiché";
            case "denied", "failed" -> "sans accusé de lecture (refusé par le destinataire)";
            default -> "lu";
        };
        String note = "Accusé de lecture : message " + what + when + " par " + reader + ".";
        String originalId = receipt.originalMessageId() != null ? receipt.originalMessageId() : mail.inReplyTo();
        return MachineMailVerdict.report(MachineMailKind.READ_RECEIPT,
                "Accusé de lecture (multipart/report, disposition-notification).", List.of(), note, originalId);
    }

    private static MachineMailVerdict deliveryReport(ParsedMail mail) {
        List<String> lines = new ArrayList<>();
        for (MachineReports.RecipientStatus s : MachineReports.deliveryStatuses(mail)) {
            String who = s.recipient().isEmpty() ? "un destinataire" : s.recipient();
            lines.add(switch (s.action()) {
                case "delayed" -> "remise retardée pour " + who + (s.status().isEmpty() ? "" : " (" + s.status() + ")")
                        + " : le serveur de messagerie réessaie" + (s.retryUntil().isEmpty() ? "" : " jusqu'au " + s.retryUntil());
                case "delivered" -> "message remis à " + who;
                case "relayed" -> "message transmis vers " + who + " (remise finale non confirmée)";
                case "expanded" -> "message remis à la liste " + who;
                default -> s.action() + " pour " + who;
            });
        }
        boolean delayed = MachineReports.deliveryStatuses(mail).stream().anyMatch(s -> s.action().equals("delayed"));
        String note = "Rapport de remise : " + (lines.isEmpty() ? "aucun échec signalé" : String.join(" ; ", lines)) + ".";
        return MachineMailVerdict.report(MachineMailKind.DELIVERY_REPORT, delayed
                        ? "Rapport de remise retardée (multipart/report, delivery-status, Action: delayed)."
                        : "Rapport de remise sans échec (remis ou relayé).",
                List.of(), note, MachineReports.returnedMessageId(mail));
    }

    private static String bounceNote(ParsedMail mail, List<String> failed) {
        List<String> lines = new ArrayList<>();
        for (MachineReports.RecipientStatus s : MachineReports.deliveryStatuses(mail)) {
            if (s.action().startsWith("failed")) {
                lines.add((s.recipient().isEmpty() ? "destinataire inconnu" : s.recipient())
                        + (s.status().isEmpty() ? "" : " (" + s.status() + ")")
                        + (s.diagnostic().isEmpty() ? "" : " : " + abbreviate(s.diagnostic())));
            }
        }
        if (lines.isEmpty() && !failed.isEmpty()) {
            lines.addAll(failed);
        }
        return "Message non distribué" + (lines.isEmpty() ? "." : " à " + String.join(" ; ", lines) + ".");
    }

    private static MachineMailVerdict calendarReply(ParsedMail mail) {
        CalendarEvent event = mail.calendar();
        List<String> answers = new ArrayList<>();
        for (CalendarEvent.Attendee a : event.attendees()) {
            if (!a.answer().isEmpty() && !a.answer().equals("NEEDS-ACTION")) {
                answers.add(a.answerLabel() + " par " + a.label());
            }
        }
        String title = event.title().isEmpty() ? "" : " « " + event.title() + " »";
        String when = event.when().isEmpty() ? "" : " (" + event.when() + ")";
        String answer = event.method().equals("COUNTER") ? "nouvel horaire proposé par "
                + (mail.from() == null ? "un participant" : mail.from().address())
                : answers.isEmpty() ? "réponse de " + (mail.from() == null ? "un participant" : mail.from().address())
                : String.join(", ", answers);
        return MachineMailVerdict.report(MachineMailKind.CALENDAR_REPLY, "Réponse à une invitation (text/calendar, METHOD:"
                + event.method() + ").", List.of(), "Réponse à l'invitation" + title + when + " : " + answer + ".",
                mail.inReplyTo());
    }

    private static MachineMailVerdict notice(ParsedMail mail, String signal) {
        String sender = mail.from() == null ? "un robot" : mail.from().address();
        return MachineMailVerdict.report(MachineMailKind.AUTO_NOTICE, signal + ".", List.of(),
                "Avis automatique de " + sender + (mail.subject().isBlank() ? "" : " : « " + mail.subject() + " »") + ".",
                null);
    }

    private static String abbreviate(String s) {
        String oneLine = s.replaceAll("\\s+", " ").strip();
        return TextCut.cut(oneLine, 200);
    }
}
