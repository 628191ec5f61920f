package fr.sommenumerique.helpdesk.knowledge.files;

/** A knowledge-base file that is not a valid article; the message is French, for the staff who edit the files. */
public class InvalidArticleException extends Exception {
    public InvalidArticleException(String message) {
        super(message);
    }
}
