package fr.sommenumerique.helpdesk.mail.inbox;

import fr.sommenumerique.helpdesk.conversation.Conversations;
import fr.sommenumerique.helpdesk.conversation.HandlingResult;
import fr.sommenumerique.helpdesk.conversation.InboundMessage;
import fr.sommenumerique.helpdesk.mail.parsing.MachineMailDetector;
import fr.sommenumerique.helpdesk.mail.parsing.MachineMailKind;
import fr.sommenumerique.helpdesk.mail.parsing.MachineMailVerdict;
import fr.sommenumerique.helpdesk.mail.parsing.MailAddress;
import fr.sommenumerique.helpdesk.mail.parsing.MailParser;
import fr.sommenumerique.helpdesk.mail.parsing.ParsedMail;
import fr.sommenumerique.helpdesk.mail.parsing.UnparseableMailException;
import fr.sommenumerique.helpdesk.ticketing.AlreadyProcessedException;
import fr.sommenumerique.helpdesk.ticketing.Channel;
import fr.sommenumerique.helpdesk.ticketing.Quarantine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.TransientDataAccessException;

import java.util.Locale;

/**
 * Handles one raw e-mail: parse it, hand it to the conversation layer, or quarantine it with its reason. Never
 * throws for a bad message, so that one message can never block the ones after it.
 */
public final class MailIntake {

    private static final Logger log = LoggerFactory.getLogger(MailIntake.class);

    /** What became of a message. */
    public enum Result { PROCESSED, DUPLICATE, QUARANTINED }

    private final MailParser parser;
    private final MachineMailDetector detector;
    private final InboundMailMapper mapper;
    private final Conversations conversations;
    private final Quarantine quarantine;
    private final String supportAddress;

    /** @param supportAddress our own address: mail claiming to come from it without being ours is quarantined */
    public MailIntake(MailParser parser, MachineMailDetector detector, InboundMailMapper mapper,
                      Conversations conversations, Quarantine quarantine, String supportAddress) {
        this.parser = parser;
        this.detector = detector;
        this.mapper = mapper;
        this.conversations = conversations;
        this.quarantine = quarantine;
        this.supportAddress = supportAddress.strip().toLowerCase(Locale.ROOT);
    }

    /**
     * What one attempt gave, and why it failed when it did; {@code passing} when the database gave up for a reason
     * that passes (a deadlock victim, a lock wait timed out), so that a new try may succeed.
     */
    public record Attempt(Result result, String failure, boolean passing) {

        Attempt(Result result, String failure) {
            this(result, failure, false);
        }
    }

    /** @param sourceRef where the message came from (mailbox and UID), kept with a quarantined message */
    public Result process(byte[] raw, String sourceRef) {
        Attempt attempt = attempt(raw, sourceRef);
        if (attempt.result() == Result.QUARANTINED) {
            quarantine(raw, attempt.failure(), sourceRef);
        }
        return attempt.result();
    }

    /** Keeps a message that failed, with its reason, in its own transaction. */
    public void quarantine(byte[] raw, String failure, String sourceRef) {
        quarantine.store(Channel.EMAIL, raw, failure, sourceRef);
        log.warn("E-mail {} mis en quarantaine : {}", sourceRef, failure);
    }

    /** Processes the message; on failure, says why, and leaves keeping the raw message to the caller. */
    public Attempt attempt(byte[] raw, String sourceRef) {
        return attempt(prepare(raw), sourceRef);
    }

    /**
     * A message parsed and classified, or why it cannot be handled: the part of the work that reads nothing in the
     * database and changes nothing, so that the mailbox reader can have it done on another thread ahead of the
     * transaction.
     */
    public record Prepared(ParsedMail mail, MachineMailVerdict verdict, String failure) {
    }

    /** Parses and classifies the message; never throws for a bad message. */
    public Prepared prepare(byte[] raw) {
        ParsedMail mail;
        try {
            mail = parser.parse(raw);
        } catch (UnparseableMailException e) {
            return unprepared("Message illisible : " + e.reason());
        } catch (RuntimeException | StackOverflowError e) {
            // a pathological mail can overflow a regular expression's stack: that mail is quarantined, not retried
            return unprepared("Message illisible (erreur inattendue du décodage) : " + e);
        }
        if (mail.from() == null && mail.sender() == null) {
            return unprepared("Message sans expéditeur (en-tête From absent ou illisible)");
        }
        MachineMailVerdict verdict = detector.classify(mail);
        MailAddress from = mail.from() != null ? mail.from() : mail.sender();
        if (verdict.kind() != MachineMailKind.OWN_MAIL && supportAddress.equals(from.normalizedAddress())) {
            // not our own mail coming back (no loop header, no Message-ID of ours): forged, or a misconfigured
            // client; answering would write to ourselves
            return unprepared("Message à l'adresse d'expéditeur du support (" + supportAddress + ") mais qui ne vient "
                    + "pas de lui (pas d'en-tête " + MachineMailDetector.LOOP_HEADER + " ni de Message-ID du support) : "
                    + "probablement usurpé, jamais répondu automatiquement");
        }
        return new Prepared(mail, verdict, null);
    }

    /**
     * Lets the assistant decide on the prepared message ahead of its transaction (on the thread that prepares the
     * mails): the decision is then ready when the message is handled, if the question and the sender's commune are
     * still what they were. Reads the database, changes nothing; a failure only loses the head start.
     */
    public void anticipate(Prepared prepared) {
        if (prepared.failure() != null) {
            return;
        }
        try {
            conversations.anticipate(mapper.preview(prepared.mail(), prepared.verdict()));
        } catch (RuntimeException | StackOverflowError e) {
            log.debug("Décision anticipée impossible, elle sera prise pendant le traitement", e);
        }
    }

    /** Handles a prepared message (in the caller's transaction); on failure, says why. */
    public Attempt attempt(Prepared prepared, String sourceRef) {
        if (prepared.failure() != null) {
            return failed(prepared.failure());
        }
        InboundMessage message = mapper.map(prepared.mail(), prepared.verdict());
        try {
            HandlingResult result = conversations.handle(message);
            log.info("E-mail {} de {} : {}{}", sourceRef, message.senderAddress(), result.outcome(),
                    result.ticketReference() == null ? "" : " " + result.ticketReference());
            return new Attempt(Result.PROCESSED, null);
        } catch (AlreadyProcessedException e) {
            log.info("E-mail {} déjà traité ({}), ignoré", sourceRef, e.dedupeKey());
            return new Attempt(Result.DUPLICATE, null);
        } catch (TransientDataAccessException e) {
            log.warn("E-mail {} : la base a abandonné le traitement ({}), il sera repris", sourceRef, e.getMessage());
            return new Attempt(Result.QUARANTINED, "Traitement impossible (base de données momentanément indisponible : "
                    + e.getClass().getSimpleName() + ") : " + e.getMessage(), true);
        } catch (RuntimeException | StackOverflowError e) {
            log.error("E-mail {} : le traitement a échoué", sourceRef, e);
            return failed("Traitement impossible : " + e.getMessage());
        }
    }

    private static Prepared unprepared(String reason) {
        return new Prepared(null, null, reason);
    }

    private static Attempt failed(String reason) {
        return new Attempt(Result.QUARANTINED, reason);
    }

}
