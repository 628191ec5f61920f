package fr.sommenumerique.helpdesk.mail;

import fr.sommenumerique.helpdesk.mail.MailProperties.Security;

/**
 * Where the channel actually connects: the configured servers, or the embedded one once started.
 */
public record MailEndpoints(String imapHost, int imapPort, Security imapSecurity, String imapUser, String imapPassword,
                            String smtpHost, int smtpPort, Security smtpSecurity, String smtpUser, String smtpPassword,
                            boolean embedded) {

    @Override
    public String toString() {
        return "IMAP " + imapHost + ":" + imapPort + " (" + imapSecurity + ", " + imapUser + "), SMTP " + smtpHost + ":"
                + smtpPort + " (" + smtpSecurity + ")" + (embedded ? ", serveur intégré" : "");
    }
}
