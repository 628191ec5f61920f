package fr.sommenumerique.helpdesk.ticketing;

/** An id or reference given to a ticketing service does not exist. The message is French, for staff. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String message) {
        super(message);
    }
}
