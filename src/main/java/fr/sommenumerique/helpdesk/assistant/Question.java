package fr.sommenumerique.helpdesk.assistant;

/**
 * One inbound message for the assistant.
 *
 * @param text               what the person wrote (greetings and signature may be left in)
 * @param communeName        the sender's commune when known, else null
 * @param communePopulation  its population when known, else null
 */
public record Question(String text, String communeName, Integer communePopulation) {

    public static Question of(String text) {
        return new Question(text, null, null);
    }
}
