package fr.sommenumerique.helpdesk.ticketing;

/** Where a message came from, and so where replies go. */
public enum Channel {
    EMAIL("E-mail"),
    TELEGRAM("Telegram"),
    WEB("Web");

    private final String label;

    Channel(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
