package fr.sommenumerique.helpdesk.conversation.internal;

import fr.sommenumerique.helpdesk.conversation.InboundMessage;
import fr.sommenumerique.helpdesk.ticketing.Channel;
import fr.sommenumerique.helpdesk.ticketing.Commune;
import fr.sommenumerique.helpdesk.ticketing.CommuneLinker;
import fr.sommenumerique.helpdesk.ticketing.CommuneMatch;
import fr.sommenumerique.helpdesk.ticketing.Communes;
import fr.sommenumerique.helpdesk.ticketing.Contact;
import fr.sommenumerique.helpdesk.ticketing.ContactSignature;
import fr.sommenumerique.helpdesk.ticketing.Contacts;
import fr.sommenumerique.helpdesk.ticketing.Tickets;
import org.springframework.stereotype.Component;

import java.util.Optional;

/** Who wrote a message: the contact of the address or chat, and their commune once it can be recognised. */
@Component
public class Senders {

    private final Contacts contacts;
    private final Communes communes;
    private final CommuneLinker communeLinker;

    Senders(Contacts contacts, Communes communes, CommuneLinker communeLinker) {
        this.contacts = contacts;
        this.communes = communes;
        this.communeLinker = communeLinker;
    }

    public Contact contactOf(InboundMessage message) {
        if (message.channel() == Channel.TELEGRAM) {
            return contacts.findOrCreateByTelegramChat(message.telegramChatId(), message.senderName());
        }
        // the name in the From header, else the one signed under the message; the role, from the signature
        ContactSignature signed = ContactSignature.read(message.signature() != null ? message.signature() : message.text());
        String name = message.senderName() != null && !message.senderName().isBlank()
                && !message.senderName().contains("@") ? message.senderName() : signed.name();
        Contact contact = contacts.findOrCreateByEmail(message.senderAddress(), name);
        return signed.role() == null || contact.role() != null ? contact : contacts.fillRole(contact.id(), signed.role());
    }

    /**
     * A contact without a commune gets the one the message or its signature names, if any: what the sender wrote,
     * never a message they forward (a préfecture's signature names Amiens, not the commune that forwards it).
     */
    public Contact linkCommune(Contact contact, InboundMessage message) {
        if (contact.communeInsee() != null) {
            return contact;
        }
        String text = message.text() + (message.signature() == null ? "" : "\n" + message.signature());
        return communeLinker.link(contact, text)
                .map(m -> contacts.assignCommune(contact.id(), m.commune().inseeCode(), Tickets.SYSTEM))
                .orElse(contact);
    }

    /**
     * The commune {@link #contactOf} and {@link #linkCommune} would give the sender now, found without creating or
     * changing anything.
     */
    public Optional<Commune> likelyCommuneOf(InboundMessage message) {
        Optional<Contact> known = message.channel() == Channel.TELEGRAM
                ? contacts.byTelegramChatId(message.telegramChatId()) : contacts.byEmail(message.senderAddress());
        if (known.isPresent() && known.get().communeInsee() != null) {
            return communeOf(known.get());
        }
        String text = message.text() + (message.signature() == null ? "" : "\n" + message.signature());
        String address = message.channel() == Channel.TELEGRAM ? null : message.senderAddress();
        return (known.isPresent() ? communeLinker.link(known.get(), text) : communeLinker.link(address, text))
                .map(CommuneMatch::commune);
    }

    /** The commune the text names, when the evidence designates exactly one. */
    public Optional<Commune> communeNamedIn(String text) {
        return communeLinker.findMention(text);
    }

    public Optional<Commune> communeOf(Contact contact) {
        return contact.communeInsee() == null ? Optional.empty() : communes.byInsee(contact.communeInsee());
    }
}
