package fr.sommenumerique.helpdesk.telegram.chat;

import fr.sommenumerique.helpdesk.telegram.bot.InlineKeyboard;

/**
 * What to do with a pressed button once its effects are committed: the short notice Telegram shows (null for
 * none), and the new buttons of the message pressed ({@link InlineKeyboard#none()} removes them, null leaves them).
 */
record CallbackAnswer(String notice, boolean alert, InlineKeyboard keyboard) {

    static CallbackAnswer quiet() {
        return new CallbackAnswer(null, false, null);
    }

    static CallbackAnswer notice(String text) {
        return new CallbackAnswer(text, false, null);
    }

    static CallbackAnswer alert(String text) {
        return new CallbackAnswer(text, true, null);
    }

    CallbackAnswer removingButtons() {
        return new CallbackAnswer(notice, alert, InlineKeyboard.none());
    }

    CallbackAnswer replacingButtons(InlineKeyboard newKeyboard) {
        return new CallbackAnswer(notice, alert, newKeyboard);
    }
}
