package fr.sommenumerique.helpdesk.web;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.springframework.test.context.DynamicPropertyRegistry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.List;

/**
 * One real GreenMail server for the web tests, started once per JVM on free ports: the support mailbox (IMAP, read
 * by the application) and the SMTP server the application sends its replies through, so a reply written in the UI
 * can be found in the recipient's GreenMail mailbox.
 */
final class WebTestMail {

    static final String SUPPORT = "support@mairie-connectee.local";
    static final String SUPPORT_PASSWORD = "mot-de-passe-du-test-web";

    private static final int SMTP_PORT = freePort();
    private static final int IMAP_PORT = freePort();
    private static final GreenMail SERVER = start();

    private WebTestMail() {
    }

    static GreenMail server() {
        return SERVER;
    }

    static void register(DynamicPropertyRegistry registry) {
        registry.add("helpdesk.mail.address", () -> SUPPORT);
        registry.add("helpdesk.mail.imap.host", () -> "127.0.0.1");
        registry.add("helpdesk.mail.imap.port", () -> String.valueOf(IMAP_PORT));
        registry.add("helpdesk.mail.imap.security", () -> "NONE");
        registry.add("helpdesk.mail.imap.username", () -> SUPPORT);
        registry.add("helpdesk.mail.imap.password", () -> SUPPORT_PASSWORD);
        registry.add("helpdesk.mail.smtp.host", () -> "127.0.0.1");
        registry.add("helpdesk.mail.smtp.port", () -> String.valueOf(SMTP_PORT));
        registry.add("helpdesk.mail.smtp.security", () -> "NONE");
        registry.add("helpdesk.mail.sender.interval", () -> "200ms");
    }

    /** Messages delivered to that address, oldest first. */
    static List<MimeMessage> to(String address) {
        return Arrays.stream(SERVER.getReceivedMessages()).filter(m -> isTo(m, address)).toList();
    }

    static String body(MimeMessage message) {
        try {
            Object content = message.getContent();
            if (content instanceof String s) {
                return s;
            }
            if (content instanceof jakarta.mail.Multipart multipart) {
                StringBuilder text = new StringBuilder();
                for (int i = 0; i < multipart.getCount(); i++) {
                    Object part = multipart.getBodyPart(i).getContent();
                    if (part instanceof String s) {
                        text.append(s).append('\n');
                    } else if (part instanceof jakarta.mail.Multipart inner) {
                        for (int j = 0; j < inner.getCount(); j++) {
                            if (inner.getBodyPart(j).getContent() instanceof String s) {
                                text.append(s).append('\n');
                            }
                        }
                    }
                }
                return text.toString();
            }
            return String.valueOf(content);
        } catch (IOException | MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean isTo(MimeMessage message, String address) {
        try {
            Address[] to = message.getRecipients(Message.RecipientType.TO);
            return to != null && Arrays.stream(to).anyMatch(a -> ((InternetAddress) a).getAddress().equalsIgnoreCase(address));
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static GreenMail start() {
        GreenMail server = new GreenMail(new ServerSetup[]{
                new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
                new ServerSetup(IMAP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_IMAP)});
        server.start();
        server.setUser(SUPPORT, SUPPORT, SUPPORT_PASSWORD);
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
        return server;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
