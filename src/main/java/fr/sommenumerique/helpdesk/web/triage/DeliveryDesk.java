package fr.sommenumerique.helpdesk.web.triage;

import fr.sommenumerique.helpdesk.ticketing.Channel;
import fr.sommenumerique.helpdesk.ticketing.NotFoundException;
import fr.sommenumerique.helpdesk.ticketing.Outbox;
import fr.sommenumerique.helpdesk.ticketing.OutboxMessage;
import fr.sommenumerique.helpdesk.ticketing.Page;
import fr.sommenumerique.helpdesk.ticketing.Quarantine;
import fr.sommenumerique.helpdesk.ticketing.QuarantineStatus;
import fr.sommenumerique.helpdesk.ticketing.QuarantinedItem;
import org.springframework.stereotype.Service;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What did not go through: inbound messages that could not be read (quarantine: retry or discard) and outgoing
 * messages given up on (retry).
 */
@Service
public class DeliveryDesk {

    private final Quarantine quarantine;
    private final Outbox outbox;

    public DeliveryDesk(Quarantine quarantine, Outbox outbox) {
        this.quarantine = quarantine;
        this.outbox = outbox;
    }

    /** @param status null for every item */
    public Page<QuarantinedItem> quarantine(QuarantineStatus status, int page, int size) {
        return quarantine.list(status, page, size);
    }

    public QuarantinedItem item(long id) {
        return quarantine.byId(id).orElseThrow(() -> new NotFoundException("Élément de quarantaine n° " + id + " introuvable"));
    }

    public byte[] raw(long id) {
        return quarantine.raw(id).orElseThrow(() -> new NotFoundException("Élément de quarantaine n° " + id + " introuvable"));
    }

    public QuarantinedItem retry(long id, String actor) {
        return quarantine.markRetried(id, actor);
    }

    public QuarantinedItem discard(long id, String actor) {
        return quarantine.discard(id, actor);
    }

    public List<OutboxMessage> failedDeliveries() {
        return outbox.failed();
    }

    public OutboxMessage retryDelivery(long id, String actor) {
        return outbox.retryNow(id, actor);
    }

    /** Messages waiting to be sent, per channel. */
    public Map<Channel, Long> backlog() {
        Map<Channel, Long> backlog = new EnumMap<>(Channel.class);
        Arrays.stream(Channel.values()).forEach(c -> backlog.put(c, outbox.backlog(c)));
        return backlog;
    }
}
