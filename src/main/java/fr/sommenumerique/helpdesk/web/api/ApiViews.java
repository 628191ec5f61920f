package fr.sommenumerique.helpdesk.web.api;

import fr.sommenumerique.helpdesk.ticketing.AttachmentInfo;
import fr.sommenumerique.helpdesk.ticketing.Commune;
import fr.sommenumerique.helpdesk.ticketing.Contact;
import fr.sommenumerique.helpdesk.ticketing.OutboxMessage;
import fr.sommenumerique.helpdesk.ticketing.Page;
import fr.sommenumerique.helpdesk.ticketing.Ticket;
import fr.sommenumerique.helpdesk.ticketing.TicketMessage;
import fr.sommenumerique.helpdesk.web.account.StaffUser;
import fr.sommenumerique.helpdesk.web.render.EmailHtml;
import fr.sommenumerique.helpdesk.web.render.QuotedText;
import fr.sommenumerique.helpdesk.web.triage.TicketView;

import java.time.Instant;
import java.util.List;
import java.util.function.Function;

/** JSON the API returns. Ticketing records are used as they are where they carry nothing internal. */
final class ApiViews {

    private ApiViews() {
    }

    record PageJson<T>(List<T> items, int page, int size, long total, int totalPages) {

        static <S, T> PageJson<T> of(Page<S> page, Function<S, T> map) {
            return new PageJson<>(page.items().stream().map(map).toList(), page.page(), page.size(), page.total(),
                    page.totalPages());
        }

        static <T> PageJson<T> of(Page<T> page) {
            return of(page, Function.identity());
        }
    }

    record ContactJson(long id, String label, String email, Long telegramChatId, String communeInsee,
                       boolean emailFailing) {

        static ContactJson of(Contact c) {
            return c == null ? null : new ContactJson(c.id(), c.label(), c.email(), c.telegramChatId(), c.communeInsee(),
                    c.emailFailing());
        }
    }

    record AttachmentJson(long id, String filename, String contentType, long size, boolean inline, String href) {

        static AttachmentJson of(long ticketId, AttachmentInfo a) {
            return new AttachmentJson(a.id(), a.filename(), a.contentType(), a.size(), a.inline(),
                    "/api/tickets/" + ticketId + "/attachments/" + a.id());
        }
    }

    /**
     * @param text       the whole text as received or sent
     * @param newText    what the author wrote this time, as the page shows it first
     * @param quotedText the quoted history (earlier messages the mail repeats), null when there is none
     * @param html       the e-mail's HTML cleaned for display (null when none)
     */
    record MessageJson(long id, String direction, String channel, String author, boolean automatic, String text,
                       String newText, String quotedText, String html, Instant createdAt, Instant editedAt,
                       Long mergedFromTicketId, List<AttachmentJson> attachments) {

        static MessageJson of(TicketMessage m) {
            List<QuotedText.Segment> segments = QuotedText.split(m.text());
            String fresh = segments.stream().filter(s -> !s.quoted()).map(QuotedText.Segment::text)
                    .collect(java.util.stream.Collectors.joining("\n\n"));
            String quoted = segments.stream().filter(QuotedText.Segment::quoted).map(QuotedText.Segment::text)
                    .collect(java.util.stream.Collectors.joining("\n\n"));
            return new MessageJson(m.id(), m.direction().name(), m.channel().name(), m.author(), m.automatic(), m.text(),
                    fresh, quoted.isEmpty() ? null : quoted, m.html() == null ? null : EmailHtml.clean(m.html()),
                    m.createdAt(), m.editedAt(), m.mergedFromTicketId(),
                    m.attachments().stream().map(a -> AttachmentJson.of(m.ticketId(), a)).toList());
        }
    }

    record DeliveryJson(long id, String channel, String recipient, String subject, String status, int attempts,
                        String lastError, Instant createdAt, Instant sentAt, Instant nextAttemptAt) {

        static DeliveryJson of(OutboxMessage m) {
            return new DeliveryJson(m.id(), m.channel().name(), m.recipient(), m.subject(), m.status().name(),
                    m.attempts(), m.lastError(), m.createdAt(), m.sentAt(), m.nextAttemptAt());
        }
    }

    record TicketDetailJson(Ticket ticket, ContactJson requester, Commune commune, boolean firstResponseOverdue,
                            boolean resolutionOverdue, String mergedIntoReference, String linkedReference,
                            List<MessageJson> messages, List<DeliveryJson> deliveries) {

        static TicketDetailJson of(TicketView v) {
            return new TicketDetailJson(v.ticket(), ContactJson.of(v.requester()), v.commune(), v.firstResponseOverdue(),
                    v.resolutionOverdue(), v.mergedIntoReference(), v.linkedReference(),
                    v.messages().stream().map(mv -> MessageJson.of(mv.message())).toList(),
                    v.deliveries().stream().map(DeliveryJson::of).toList());
        }
    }

    record StaffJson(String username, String displayName, String email, String role, boolean enabled,
                     boolean mustChangePassword, Instant createdAt, Instant lastLoginAt) {

        static StaffJson of(StaffUser u) {
            return new StaffJson(u.username(), u.displayName(), u.email(), u.role().name(), u.enabled(),
                    u.mustChangePassword(), u.createdAt(), u.lastLoginAt());
        }
    }

    /** A password generated for an account: given once, to be changed at first login. */
    record GeneratedPasswordJson(StaffJson account, String temporaryPassword) {
    }

    /** @param subsidyEligible null when the knowledge base's funding article no longer states a limit */
    record CommuneJson(Commune commune, Boolean subsidyEligible) {
    }
}
