package fr.sommenumerique.helpdesk.knowledge;

/** One labelled message of the intent corpus: what a commune might write, and what it wants. */
public record IntentExample(Intent intent, String text) {
}
