package fr.sommenumerique.helpdesk.mail.server;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import fr.sommenumerique.helpdesk.mail.MailEndpoints;
import fr.sommenumerique.helpdesk.mail.MailProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * A GreenMail SMTP and IMAP server inside the application, for a helpdesk tried on one machine with no mail
 * settings. The support mailbox gets a random password (it never leaves the process); mail sent to any other
 * address is kept in a mailbox created on the fly, readable over IMAP with that address as login and password.
 */
public final class EmbeddedMailServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMailServer.class);

    private final GreenMail greenMail;
    private final MailEndpoints endpoints;

    public EmbeddedMailServer(MailProperties properties) {
        ServerSetup smtp = setup(properties.embedded().smtpPort(), ServerSetup.PROTOCOL_SMTP);
        ServerSetup imap = setup(properties.embedded().imapPort(), ServerSetup.PROTOCOL_IMAP);
        this.greenMail = new GreenMail(new ServerSetup[]{smtp, imap});
        greenMail.start();
        String password = randomPassword();
        greenMail.setUser(properties.address(), properties.address(), password);
        this.endpoints = new MailEndpoints("127.0.0.1", greenMail.getImap().getPort(), MailProperties.Security.NONE,
                properties.address(), password, "127.0.0.1", greenMail.getSmtp().getPort(), MailProperties.Security.NONE,
                null, null, true);
        log.info("""
                Serveur de messagerie intégré démarré (aucun serveur configuré) :
                  SMTP  127.0.0.1:{}  — écrivez à {} pour tester, par exemple :
                        curl smtp://127.0.0.1:{} --mail-from secretaire@mairie-exemple.fr --mail-rcpt {} --upload-file message.eml
                  IMAP  127.0.0.1:{}  — les réponses arrivent dans la boîte de l'expéditeur (identifiant et mot de passe : son adresse)""",
                endpoints.smtpPort(), properties.address(), endpoints.smtpPort(), properties.address(), endpoints.imapPort());
    }

    private static ServerSetup setup(int port, String protocol) {
        ServerSetup setup = new ServerSetup(port, "127.0.0.1", protocol);
        return port == 0 ? setup.dynamicPort() : setup;
    }

    private static String randomPassword() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public MailEndpoints endpoints() {
        return endpoints;
    }

    @Override
    public void close() {
        greenMail.stop();
    }
}
