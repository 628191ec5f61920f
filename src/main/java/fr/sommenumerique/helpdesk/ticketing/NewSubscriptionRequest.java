package fr.sommenumerique.helpdesk.ticketing;

import fr.sommenumerique.helpdesk.assistant.SubscriptionKind;
import java.util.Objects;
import java.util.Set;

import fr.sommenumerique.helpdesk.knowledge.ServiceArea;

/**
 * What {@link Subscriptions#record} needs. Build with {@link #of} and the {@code with…} methods.
 *
 * @param services empty or null: {OFFRE}
 * @param ticketId a ticket the request came with, or null
 */
public record NewSubscriptionRequest(long contactId, String communeInsee, String communeNameAsWritten,
                                     Set<ServiceArea> services, SubscriptionKind kind, Channel channel,
                                     String sourceText, Long ticketId) {

    public NewSubscriptionRequest {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(channel, "channel");
        services = services == null || services.isEmpty() ? Set.of(ServiceArea.OFFRE) : Set.copyOf(services);
    }

    public static NewSubscriptionRequest of(long contactId, SubscriptionKind kind, Channel channel, String sourceText) {
        return new NewSubscriptionRequest(contactId, null, null, null, kind, channel, sourceText, null);
    }

    /** @param inseeCode may be null when only the written name is known */
    public NewSubscriptionRequest withCommune(String inseeCode, String nameAsWritten) {
        return new NewSubscriptionRequest(contactId, inseeCode, nameAsWritten, services, kind, channel, sourceText, ticketId);
    }

    public NewSubscriptionRequest withServices(Set<ServiceArea> services) {
        return new NewSubscriptionRequest(contactId, communeInsee, communeNameAsWritten, services, kind, channel, sourceText, ticketId);
    }

    public NewSubscriptionRequest withTicket(Long ticketId) {
        return new NewSubscriptionRequest(contactId, communeInsee, communeNameAsWritten, services, kind, channel, sourceText, ticketId);
    }
}
