package fr.sommenumerique.helpdesk.ticketing;

import fr.sommenumerique.helpdesk.assistant.SubscriptionKind;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import fr.sommenumerique.helpdesk.knowledge.ServiceArea;

class SubscriptionsTest extends TicketingTestBase {

    @Autowired
    Subscriptions subscriptions;

    @Autowired
    Contacts contacts;

    @Autowired
    AuditLog audit;

    @Autowired
    Communes communes;

    private Contact marie;

    @BeforeEach
    void requester() {
        marie = contacts.findOrCreateByEmail("marie@mairie-y.fr", "Marie");
    }

    @Test
    void eligibilityFollowsThePopulation() {
        SubscriptionRequest small = subscriptions.record(NewSubscriptionRequest.of(marie.id(), SubscriptionKind.MEMBERSHIP,
                Channel.EMAIL, "Mairie de 412 hab, on veut tout le pack").withCommune("80829", "Y"));
        assertThat(small.reference()).isEqualTo("DA-2026-00001");
        assertThat(small.status()).isEqualTo(SubscriptionStatus.RECEIVED);
        assertThat(small.subsidyEligible()).isTrue();                       // Y: 87 inhabitants
        assertThat(small.services()).containsExactly(ServiceArea.OFFRE);    // nothing specified
        assertThat(small.communeNameAsWritten()).isEqualTo("Y");
        assertThat(small.sourceText()).contains("tout le pack");

        SubscriptionRequest big = subscriptions.record(NewSubscriptionRequest.of(marie.id(), SubscriptionKind.ADD_SERVICE,
                Channel.TELEGRAM, "Nous souhaitons adhérer au service Actes").withCommune("80021", "Amiens")
                .withServices(Set.of(ServiceArea.ACTES, ServiceArea.MARCHES)));
        assertThat(big.reference()).isEqualTo("DA-2026-00002");
        assertThat(big.subsidyEligible()).isFalse();                        // Amiens
        assertThat(big.services()).containsExactlyInAnyOrder(ServiceArea.ACTES, ServiceArea.MARCHES);

        Commune border = communes.all().stream().filter(c -> c.population() >= 2000).min(java.util.Comparator.comparingInt(Commune::population)).orElseThrow();
        assertThat(subscriptions.record(NewSubscriptionRequest.of(marie.id(), SubscriptionKind.ACCOUNT, Channel.EMAIL, "x")
                .withCommune(border.inseeCode(), null)).subsidyEligible()).as(border.name() + " " + border.population()).isFalse();

        SubscriptionRequest unknown = subscriptions.record(NewSubscriptionRequest.of(marie.id(), SubscriptionKind.TRAINING,
                Channel.EMAIL, "Inscription de 2 agents").withCommune(null, "Saint-Machin"));
        assertThat(unknown.communeInsee()).isNull();
        assertThat(unknown.subsidyEligible()).isNull();
        assertThat(unknown.communeNameAsWritten()).isEqualTo("Saint-Machin");

        SubscriptionRequest fixed = subscriptions.changeCommune(unknown.id(), "80312", "alice");
        assertThat(fixed.subsidyEligible()).isTrue();
        assertThat(audit.of(AuditLog.SUBSCRIPTION, unknown.id())).extracting(AuditEntry::details)
                .contains("Commune : inconnue → Fins");
        assertThatThrownBy(() -> subscriptions.record(NewSubscriptionRequest.of(marie.id(), SubscriptionKind.ACCOUNT,
                Channel.EMAIL, "x").withCommune("00000", null))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void reviewAcceptRejectAreAudited() {
        SubscriptionRequest r = subscriptions.record(NewSubscriptionRequest.of(marie.id(), SubscriptionKind.MEMBERSHIP,
                Channel.EMAIL, "Le conseil a délibéré hier pour Mairie connectée").withCommune("80829", "Y"));
        clock.advance(Duration.ofHours(1));
        assertThat(subscriptions.markInReview(r.id(), "alice").status()).isEqualTo(SubscriptionStatus.IN_REVIEW);
        subscriptions.addStaffNote(r.id(), "Délibération reçue, convention à préparer", "alice");
        clock.advance(Duration.ofHours(1));
        SubscriptionRequest accepted = subscriptions.accept(r.id(), "Votre adhésion est acceptée.", "bob");
        assertThat(accepted.status()).isEqualTo(SubscriptionStatus.ACCEPTED);
        assertThat(accepted.decidedAt()).isEqualTo(clock.instant());
        assertThat(accepted.decidedBy()).isEqualTo("bob");
        assertThat(accepted.decisionMessage()).isEqualTo("Votre adhésion est acceptée.");
        assertThat(accepted.staffNotes()).isEqualTo("[2026-03-02 alice] Délibération reçue, convention à préparer");
        assertThatThrownBy(() -> subscriptions.reject(r.id(), "Non", "bob"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("déjà été acceptée");
        assertThat(audit.of(AuditLog.SUBSCRIPTION, r.id())).extracting(AuditEntry::action, AuditEntry::actor).containsExactly(
                org.assertj.core.groups.Tuple.tuple("created", "contact:" + marie.id()),
                org.assertj.core.groups.Tuple.tuple("status.changed", "alice"),
                org.assertj.core.groups.Tuple.tuple("note.added", "alice"),
                org.assertj.core.groups.Tuple.tuple("accepted", "bob"));

        SubscriptionRequest other = subscriptions.record(NewSubscriptionRequest.of(marie.id(), SubscriptionKind.ACCOUNT,
                Channel.EMAIL, "2e compte"));
        assertThatThrownBy(() -> subscriptions.reject(other.id(), " ", "bob"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("motivé");
        SubscriptionRequest rejected = subscriptions.reject(other.id(), "Commune non identifiée", "bob");
        assertThat(rejected.status()).isEqualTo(SubscriptionStatus.REJECTED);
        assertThat(audit.of(AuditLog.SUBSCRIPTION, other.id())).extracting(AuditEntry::action).containsExactly("created", "rejected");
    }

    @Test
    void searchByStatusAndContact() {
        Contact paul = contacts.findOrCreateByTelegramChat(8L, "Paul");
        SubscriptionRequest a = subscriptions.record(NewSubscriptionRequest.of(marie.id(), SubscriptionKind.MEMBERSHIP, Channel.EMAIL, "a"));
        clock.advance(Duration.ofMinutes(1));
        SubscriptionRequest b = subscriptions.record(NewSubscriptionRequest.of(paul.id(), SubscriptionKind.TRAINING, Channel.TELEGRAM, "b"));
        clock.advance(Duration.ofMinutes(1));
        SubscriptionRequest c = subscriptions.record(NewSubscriptionRequest.of(marie.id(), SubscriptionKind.ACCOUNT, Channel.EMAIL, "c"));
        subscriptions.markInReview(b.id(), "alice");
        assertThat(subscriptions.search(null, 0, 10).items()).extracting(SubscriptionRequest::id).containsExactly(c.id(), b.id(), a.id());
        assertThat(subscriptions.search(Set.of(SubscriptionStatus.RECEIVED), 0, 10).items())
                .extracting(SubscriptionRequest::id).containsExactly(c.id(), a.id());
        Page<SubscriptionRequest> page = subscriptions.search(Set.of(), 1, 2);
        assertThat(page.items()).extracting(SubscriptionRequest::id).containsExactly(a.id());
        assertThat(page.total()).isEqualTo(3);
        assertThat(subscriptions.ofContact(marie.id())).extracting(SubscriptionRequest::id).containsExactly(c.id(), a.id());
        assertThat(subscriptions.byReference("da-2026-00002")).map(SubscriptionRequest::id).contains(b.id());
        assertThat(subscriptions.byId(424242L)).isEmpty();
        assertThatThrownBy(() -> subscriptions.accept(424242L, "x", "bob")).isInstanceOf(NotFoundException.class);
        assertThat(communes.activityOf("80829").orElseThrow().subscriptionRequests()).isZero();
    }
}
