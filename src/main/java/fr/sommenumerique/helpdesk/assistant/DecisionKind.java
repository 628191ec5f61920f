package fr.sommenumerique.helpdesk.assistant;

/** What the assistant decides to do with a message. */
public enum DecisionKind {
    /** The knowledge base answers it confidently. */
    ANSWER,
    /** A request to join, add a service, open an account or register for training. */
    SUBSCRIPTION,
    /** An incident, or a question the knowledge base cannot answer confidently: a human must handle it. */
    TICKET,
    /** Not a Mairie connectée matter. */
    OUT_OF_SCOPE
}
