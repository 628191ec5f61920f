package fr.sommenumerique.helpdesk.telegram.chat;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.meta.api.objects.Update;

import fr.sommenumerique.helpdesk.telegram.FakeTelegramBotApi;
import fr.sommenumerique.helpdesk.telegram.FakeTelegramBotApi.EnqueuedUpdate;

/** An update kept raw in the quarantine reads back as the same update, so that staff can retry it. */
class RawUpdateTest {

    @Test
    void aPhotoUpdateSurvivesTheRoundTripThroughTheQuarantineFormat() throws Exception {
        try (FakeTelegramBotApi api = FakeTelegramBotApi.start()) {
            EnqueuedUpdate enqueued = api.enqueuePhoto(FakeTelegramBotApi.SECRETARY, new byte[]{1, 2, 3}, "Légende « é »");
            ObjectNode json = enqueued.json();
            Update update = ChatUpdateHandler.JSON.treeToValue(json, Update.class);

            Update back = ChatUpdateHandler.JSON.readValue(ChatUpdateHandler.raw(update), Update.class);

            assertThat(back.getUpdateId()).isEqualTo(enqueued.updateId());
            assertThat(back.getMessage().getCaption()).isEqualTo("Légende « é »");
            assertThat(back.getMessage().getChat().isUserChat()).isTrue();
            assertThat(back.getMessage().getPhoto()).hasSize(2);
            assertThat(back.getMessage().getPhoto().get(1).getFileId()).isEqualTo(enqueued.file().fileId());
        }
    }
}
