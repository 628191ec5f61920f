package fr.sommenumerique.helpdesk.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Comparator;
import java.util.List;

import org.junit.jupiter.api.Test;

import fr.sommenumerique.helpdesk.telegram.FakeTelegramBotApi.ApiCall;
import fr.sommenumerique.helpdesk.telegram.FakeTelegramBotApi.FakeUser;
import fr.sommenumerique.helpdesk.ticketing.Ticket;
import fr.sommenumerique.helpdesk.ticketing.TicketStatus;

/**
 * Issue 9, point 8: a subject cut at 80 chars right where an emoji (or an emoji sequence) sits reaches the user
 * whole in /statut and /fin, through the real client and the fake Bot API; never « mati? ».
 */
class TelegramTextSafetyTest extends TelegramChannelTestBase {

    /** 77 chars and a space, then 🙁 on chars 79-80: a raw cut at 79 chars + « … » keeps half of it. */
    static final String HEAD_BEFORE_EMOJI = "Impossible de deposer la deliberation sur Actes depuis ce matin, gros blocage";
    static final String EMOJI_AT_THE_CUT = HEAD_BEFORE_EMOJI + " 🙁 le certificat a expire, que faire ?";
    /** 74 chars and a space, then a family emoji (three people joined, 8 chars) across the cut. */
    static final String HEAD_BEFORE_FAMILY = "La plateforme des marches ne montre plus notre consultation du 12 mars ici";
    static final String FAMILY_AT_THE_CUT = HEAD_BEFORE_FAMILY + " 👨‍👩‍👧 pouvez-vous verifier rapidement ?";

    @Test
    void subjectsCutInsideAnEmojiShowWholeInStatutAndFin() {
        assertThat(EMOJI_AT_THE_CUT.indexOf("🙁")).isEqualTo(78);
        assertThat(FAMILY_AT_THE_CUT.indexOf("👨")).isEqualTo(75);
        FakeUser user = newUser();
        api.enqueueCommand(user, "/ticket", EMOJI_AT_THE_CUT);
        awaitReply(user, "Votre demande est enregistrée");
        api.enqueueCommand(user, "/ticket", FAMILY_AT_THE_CUT);
        awaitReplies(user, 2);
        List<Ticket> open = ticketsOf(user).stream().sorted(Comparator.comparing(Ticket::id)).toList();
        assertThat(open).hasSize(2);
        String first = HEAD_BEFORE_EMOJI + "…";
        String second = HEAD_BEFORE_FAMILY + "…";
        assertThat(open).extracting(Ticket::subject).containsExactly(first, second);

        api.enqueueCommand(user, "/statut", null);
        String status = shown(awaitReply(user, "Vos demandes"));
        assertThat(status).contains("« " + first + " »", "« " + second + " »");
        assertWellFormed(status);

        api.enqueueCommand(user, "/fin", null);
        ApiCall choice = awaitReply(user, "Laquelle voulez-vous clore");
        String list = shown(choice);
        assertThat(list).contains(open.get(0).reference() + " « " + first + " »",
                open.get(1).reference() + " « " + second + " »");
        assertWellFormed(list);
        buttonLabels(choice).forEach(TelegramTextSafetyTest::assertWellFormed);

        int choiceId = awaitBotMessageWithButton(user, ("fin:" + open.get(1).id())::equals);
        api.enqueueCallbackQuery(user, choiceId, "fin:" + open.get(1).id());
        String closed = shown(awaitReply(user, "est close. Merci"));
        assertThat(closed).contains("Votre demande " + open.get(1).reference() + " « " + second + " » est close");
        assertWellFormed(closed);
        assertThat(tickets.findById(open.get(1).id()).orElseThrow().status()).isEqualTo(TicketStatus.CLOSED);
    }

    /** The text as Telegram shows it: what the fake Bot API received and decoded. */
    private static String shown(ApiCall call) {
        return call.text("text");
    }

    static void assertWellFormed(String s) {
        assertThat(s).doesNotContain("\uFFFD").doesNotContain("?…").doesNotContain("\u200d…");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c)) {
                assertThat(i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))).as("%s at %d", s, i).isTrue();
                i++;
            } else {
                assertThat(Character.isLowSurrogate(c)).as("%s at %d", s, i).isFalse();
            }
        }
    }
}
