package fr.sommenumerique.helpdesk.telegram.bot;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;

/** Rows of {@link InlineButton}s shown under a message. */
public record InlineKeyboard(List<List<InlineButton>> rows) {

    public InlineKeyboard {
        if (rows == null) {
            throw new IllegalArgumentException("inline keyboard rows must not be null");
        }
        rows = rows.stream().map(List::copyOf).toList();
        if (rows.stream().anyMatch(List::isEmpty)) {
            throw new IllegalArgumentException("inline keyboard rows must not be empty");
        }
    }

    /** A keyboard with one button per row. */
    public static InlineKeyboard column(InlineButton... buttons) {
        return new InlineKeyboard(Arrays.stream(buttons).map(List::of).toList());
    }

    /** A keyboard with all buttons side by side. */
    public static InlineKeyboard row(InlineButton... buttons) {
        return new InlineKeyboard(List.of(List.of(buttons)));
    }

    public static Builder builder() {
        return new Builder();
    }

    /** No buttons at all: used to remove a keyboard when editing. */
    public static InlineKeyboard none() {
        return new InlineKeyboard(List.of());
    }

    public boolean isEmpty() {
        return rows.isEmpty();
    }

    InlineKeyboardMarkup toMarkup() {
        List<InlineKeyboardRow> markupRows = new ArrayList<>();
        for (List<InlineButton> row : rows) {
            InlineKeyboardRow markupRow = new InlineKeyboardRow();
            for (InlineButton button : row) {
                markupRow.add(InlineKeyboardButton.builder().text(button.text()).callbackData(button.callbackData()).build());
            }
            markupRows.add(markupRow);
        }
        return new InlineKeyboardMarkup(markupRows);
    }

    public static final class Builder {
        private final List<List<InlineButton>> rows = new ArrayList<>();

        public Builder row(InlineButton... buttons) {
            rows.add(List.of(buttons));
            return this;
        }

        public InlineKeyboard build() {
            return new InlineKeyboard(rows);
        }
    }
}
