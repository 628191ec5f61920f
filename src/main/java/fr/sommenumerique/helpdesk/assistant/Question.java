package fr.sommenumerique.helpdesk.assistant;

/**
 * One inbound message for the assistant.
 *
 * @param text               what the person wrote (greetings and signature may be left in)
 * @param communeName        the sender's commune when known, else null
 * @param communePopulation  its population when known, else null
 * @param subject            the mail's subject without « RE: » / « TR: », else null: read only when the text has
 *                           nothing of its own to ask or points to it (« voir objet »)
 */
public record Question(String text, String communeName, Integer communePopulation, String subject) {

    public Question(String text, String communeName, Integer communePopulation) {
        this(text, communeName, communePopulation, null);
    }

    public static Question of(String text) {
        return new Question(text, null, null, null);
    }

    /** The same question with another text and no subject: the engine's reading of subject and text together. */
    Question withText(String newText) {
        return new Question(newText, communeName, communePopulation, null);
    }
}
