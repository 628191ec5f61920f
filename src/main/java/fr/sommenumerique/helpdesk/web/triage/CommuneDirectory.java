package fr.sommenumerique.helpdesk.web.triage;

import fr.sommenumerique.helpdesk.ticketing.Commune;
import fr.sommenumerique.helpdesk.ticketing.CommuneActivity;
import fr.sommenumerique.helpdesk.ticketing.Communes;
import fr.sommenumerique.helpdesk.ticketing.Contacts;
import fr.sommenumerique.helpdesk.ticketing.NotFoundException;
import fr.sommenumerique.helpdesk.ticketing.Subscriptions;
import fr.sommenumerique.helpdesk.ticketing.TicketQuery;
import fr.sommenumerique.helpdesk.ticketing.TicketSort;
import fr.sommenumerique.helpdesk.ticketing.Tickets;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;

/** The communes of the Somme as staff look them up. */
@Service
public class CommuneDirectory {

    private final Communes communes;
    private final Contacts contacts;
    private final Tickets tickets;
    private final Subscriptions subscriptions;

    public CommuneDirectory(Communes communes, Contacts contacts, Tickets tickets, Subscriptions subscriptions) {
        this.communes = communes;
        this.contacts = contacts;
        this.tickets = tickets;
        this.subscriptions = subscriptions;
    }

    /** Communes that have written in, by name. */
    public List<CommuneActivity> active() {
        return communes.activity();
    }

    public List<Commune> search(String query, int limit) {
        return communes.search(query, Math.max(1, Math.min(limit, 100)));
    }

    public Commune commune(String insee) {
        return communes.byInsee(insee).orElseThrow(() -> new NotFoundException("Commune « " + insee + " » inconnue"));
    }

    /** The commune of that exact INSEE code; an unknown code is bad input. */
    public Commune byInseeCode(String insee) {
        return communes.byInsee(insee).orElseThrow(() ->
                new IllegalArgumentException("Aucune commune de la Somme n'a le code INSEE « " + insee + " »."));
    }

    /**
     * The commune staff typed: an INSEE code (« 80001 »), else the best match of a name or postal code
     * (« Abbeville », « 80100 »).
     */
    public Commune resolve(String nameOrInsee) {
        var exact = communes.byInsee(nameOrInsee.strip());
        if (exact.isPresent()) {
            return exact.get();
        }
        List<Commune> found = search(nameOrInsee, 1);
        if (found.isEmpty()) {
            throw new IllegalArgumentException("Aucune commune de la Somme ne correspond à « " + nameOrInsee + " ».");
        }
        return found.get(0);
    }

    @Transactional(readOnly = true)
    public CommuneView view(String insee, int ticketPage) {
        Commune commune = commune(insee);
        TicketQuery query = TicketQuery.all().withCommune(commune.inseeCode()).sortedBy(TicketSort.UPDATED, true)
                .page(ticketPage, 25);
        return new CommuneView(commune, communes.activityOf(commune.inseeCode()).orElse(null),
                contacts.byCommune(commune.inseeCode()), tickets.search(query),
                subscriptions.ofCommune(commune.inseeCode()));
    }
}
