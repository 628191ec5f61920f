package fr.sommenumerique.helpdesk.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import fr.sommenumerique.helpdesk.telegram.FakeTelegramBotApi.EnqueuedUpdate;
import fr.sommenumerique.helpdesk.telegram.FakeTelegramBotApi.FakeUser;
import fr.sommenumerique.helpdesk.ticketing.Channel;
import fr.sommenumerique.helpdesk.ticketing.Contact;
import fr.sommenumerique.helpdesk.ticketing.MessageDirection;
import fr.sommenumerique.helpdesk.ticketing.NewTicket;
import fr.sommenumerique.helpdesk.ticketing.Ticket;

/**
 * /lier: a one-time code sent by e-mail (queued in the outbox for the mail channel) to a known contact's address
 * links the chat to that contact. Unknown addresses get no mail, and the bot's answers do not tell them apart.
 */
class TelegramLinkingTest extends TelegramChannelTestBase {

    private static final String SENT = "Si cette adresse est connue de nos services, un code à 6 chiffres vient d'y "
            + "être envoyé (";

    private static final Pattern CODE = Pattern.compile("\\n {4}(\\d{6})\\n");

    @Test
    void theCodeSentByMailLinksTheChatToTheKnownContactAndBringsBothChannelsTogether() {
        String address = unique("secretariat");
        Contact byMail = contacts.assignCommune(contacts.findOrCreateByEmail(address, "Secrétariat de mairie").id(),
                "80443", "test");
        Ticket mailTicket = tickets.open(NewTicket.of("Question envoyée par e-mail", Channel.EMAIL, byMail.id()));
        FakeUser user = newUser();
        api.enqueueText(user, "je n'arrive plus à me connecter à la plateforme marchés, mot de passe refusé");
        awaitReply(user, "Nous avons bien reçu votre message");
        Contact telegramOnly = contactOf(user);
        Ticket chatTicket = ticketsOf(user).get(0);

        api.enqueueCommand(user, "/lier", null);
        awaitReply(user, "indiquez l'adresse e-mail");
        api.enqueueText(user, "Mon adresse : " + address.toUpperCase());

        awaitReply(user, SENT + address);
        String code = codeMailedTo(address);
        assertThat(jdbc.sql("SELECT code_hash FROM telegram_link_codes WHERE email = ?").params(address)
                .query(String.class).single()).isNotEqualTo(code).hasSize(64);

        api.enqueueText(user, wrong(code));
        awaitReply(user, "Code incorrect. Il vous reste 4 essais.");
        assertThat(contacts.byTelegramChatId(user.chatId()).orElseThrow().id()).isEqualTo(telegramOnly.id());

        api.enqueueText(user, code.substring(0, 3) + " " + code.substring(3));

        awaitReply(user, "C'est fait : cette conversation est reliée à " + address);
        Contact linked = contactOf(user);
        assertThat(linked.id()).isEqualTo(byMail.id());
        assertThat(linked.telegramChatId()).isEqualTo(user.chatId());
        assertThat(contacts.byId(telegramOnly.id()).orElseThrow().telegramChatId()).isNull();
        assertThat(tickets.ticketsOf(byMail.id())).extracting(Ticket::id).contains(mailTicket.id(), chatTicket.id());
        assertThat(tickets.findById(chatTicket.id()).orElseThrow().communeInsee())
                .as("the chat's tickets move to the contact's commune").isEqualTo("80443");
        assertThat(tickets.messages(chatTicket.id())).anyMatch(m -> m.direction() == MessageDirection.NOTE
                && m.text().contains("Demandeur"));

        api.enqueueCommand(user, "/statut", null);
        String status = awaitReply(user, "*Vos demandes*").text("text");
        assertThat(status).contains(mailTicket.reference().replace("-", "\\-"), chatTicket.reference().replace("-", "\\-"));

        api.enqueueText(user, "Merci, et le lien de réinitialisation de la plateforme marchés ne marche pas");
        awaitReply(user, "Message ajouté à votre demande " + chatTicket.reference());
    }

    @Test
    void anUnknownAddressGetsNoMailAndTheSameAnswersAsAKnownOne() {
        String known = unique("connue");
        contacts.findOrCreateByEmail(known, "Secrétariat de mairie");
        String unknown = unique("inconnue");
        FakeUser knownUser = newUser();
        FakeUser unknownUser = newUser();

        api.enqueueCommand(knownUser, "/lier", known);
        api.enqueueCommand(unknownUser, "/lier", unknown);

        String toKnown = awaitReply(knownUser, SENT).text("text");
        String toUnknown = awaitReply(unknownUser, SENT).text("text");
        assertThat(toUnknown.replace(unknown, "ADRESSE")).isEqualTo(toKnown.replace(known, "ADRESSE"))
                .contains("Rien reçu", "courriers indésirables", "depuis cette adresse", "agent", "/ticket");
        String code = codeMailedTo(known);
        assertThat(mailsTo(unknown)).isEmpty();

        // a guess (even the other chat's real code) fails as any wrong code does, and links nothing
        api.enqueueText(unknownUser, code);
        awaitReply(unknownUser, "Code incorrect. Il vous reste 4 essais.");
        api.enqueueText(knownUser, wrong(code));
        awaitReply(knownUser, "Code incorrect. Il vous reste 4 essais.");
        assertThat(contacts.byEmail(unknown)).isEmpty();
        assertThat(contacts.byTelegramChatId(unknownUser.chatId()).map(Contact::email)).isEmpty();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM outbox WHERE channel = 'EMAIL' AND recipient = ?").params(unknown)
                .query(Long.class).single()).isZero();
    }

    @Test
    void anExpiredCodeIsRefused() {
        String address = unique("expire");
        Contact byMail = contacts.findOrCreateByEmail(address, "Secrétariat de mairie");
        FakeUser user = newUser();
        api.enqueueCommand(user, "/lier", address);
        awaitReply(user, SENT);
        String code = codeMailedTo(address);
        // sixteen minutes later
        jdbc.sql("UPDATE telegram_link_codes SET expires_at = ? WHERE chat_id = ?")
                .params(OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(1), user.chatId()).update();

        api.enqueueText(user, code);

        awaitReply(user, "Ce code a expiré");
        assertThat(contacts.byId(byMail.id()).orElseThrow().telegramChatId()).isNull();
        assertThat(contacts.byTelegramChatId(user.chatId()).map(Contact::email)).isEmpty();
    }

    @Test
    void fiveWrongCodesCancelTheCode() {
        String address = unique("essais");
        Contact byMail = contacts.findOrCreateByEmail(address, "Secrétariat de mairie");
        FakeUser user = newUser();
        api.enqueueCommand(user, "/lier", address);
        awaitReply(user, SENT);
        String code = codeMailedTo(address);

        for (int i = 1; i <= 4; i++) {
            api.enqueueText(user, wrong(code));
            awaitReply(user, "Il vous reste " + (5 - i) + (5 - i == 1 ? " essai." : " essais."));
        }
        api.enqueueText(user, wrong(code));
        awaitReply(user, "ce code est annulé");
        EnqueuedUpdate late = api.enqueueText(user, code);

        awaitProcessed(late);
        assertThat(contacts.byId(byMail.id()).orElseThrow().telegramChatId()).isNull();
        assertThat(jdbc.sql("SELECT status FROM telegram_link_codes WHERE email = ?").params(address)
                .query(String.class).single()).isEqualTo("BLOCKED");
    }

    @Test
    void somethingElseThanAnAddressOrACodeIsAskedAgain() {
        FakeUser user = newUser();
        api.enqueueCommand(user, "/lier", null);
        awaitReply(user, "indiquez l'adresse e-mail");

        api.enqueueText(user, "la mairie de Rue");
        awaitReply(user, "ne ressemble pas à une adresse e-mail");

        api.enqueueCommand(user, "/annuler", null);
        awaitReply(user, "C'est annulé");
        api.enqueueText(user, "Quel type de certificat faut il pour envoyer sur Actes ?");
        awaitReply(user, "RGS");
    }

    @Test
    void onlyThreeCodesAnHourMayBeAskedForKnownAddressesOrNot() {
        String known = unique("quota4");
        contacts.findOrCreateByEmail(known, "Secrétariat de mairie");
        FakeUser user = newUser();
        for (int i = 1; i <= 3; i++) {
            api.enqueueCommand(user, "/lier", unique("quota" + i));
            awaitReplies(user, i);
        }
        // three unknown addresses use up the quota as real codes would: the known one gets nothing either
        api.enqueueCommand(user, "/lier", known);

        awaitReply(user, "Vous avez déjà demandé 3 codes cette heure-ci");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM telegram_link_codes WHERE chat_id = ?").params(user.chatId())
                .query(Long.class).single()).isEqualTo(3);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM telegram_link_codes WHERE chat_id = ? AND status = 'PENDING'")
                .params(user.chatId()).query(Long.class).single()).isEqualTo(1);
        assertThat(mailsTo(known)).isEmpty();
    }

    /** The code in the newest e-mail queued for that address (the mail channel would send it). */
    private String codeMailedTo(String address) {
        await().atMost(Duration.ofSeconds(10)).until(() -> !mailsTo(address).isEmpty());
        String body = mailsTo(address).get(0);
        assertThat(body).contains("Si vous n'avez rien demandé", "15 minutes");
        Matcher m = CODE.matcher(body);
        assertThat(m.find()).as("code in %s", body).isTrue();
        return m.group(1);
    }

    private List<String> mailsTo(String address) {
        return jdbc.sql("""
                        SELECT text_body FROM outbox WHERE channel = 'EMAIL' AND recipient = ?
                            AND subject = 'Votre code pour relier Telegram à Mairie connectée' ORDER BY id DESC""")
                .params(address).query(String.class).list();
    }

    private static String wrong(String code) {
        return code.equals("123456") ? "654321" : "123456";
    }

    private static String unique(String local) {
        return local + "." + System.nanoTime() + "@mairie-test.fr";
    }
}
