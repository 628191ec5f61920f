package fr.sommenumerique.helpdesk.web;

import fr.sommenumerique.helpdesk.conversation.Conversations;
import fr.sommenumerique.helpdesk.conversation.HandlingResult;
import fr.sommenumerique.helpdesk.conversation.InboundMessage;
import fr.sommenumerique.helpdesk.web.account.NewStaffMember;
import fr.sommenumerique.helpdesk.web.account.StaffAccounts;
import fr.sommenumerique.helpdesk.web.account.StaffRole;
import fr.sommenumerique.helpdesk.web.account.StaffUser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The whole application on a random port with its own in-memory database, the e-mail channel pointed at
 * {@link WebTestMail}, and MockMvc going through the real security filters. Every web test class extends this one,
 * so they share one application context; each test makes its own accounts and data with unique names.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@ActiveProfiles("test")
public abstract class WebTestBase {

    static final String PASSWORD = "phrase de passe du test 2026";
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    @DynamicPropertySource
    static void mail(DynamicPropertyRegistry registry) {
        WebTestMail.register(registry);
    }

    @LocalServerPort
    protected int port;
    @Autowired
    protected MockMvc mvc;
    @Autowired
    protected StaffAccounts accounts;
    @Autowired
    protected Conversations conversations;

    protected StaffUser newAgent(String prefix) {
        return newStaff(prefix, StaffRole.AGENT);
    }

    protected StaffUser newStaff(String prefix, StaffRole role) {
        String username = prefix + "-" + SEQUENCE.incrementAndGet();
        return accounts.createWithPassword(new NewStaffMember(username, "Agent " + username, null, role), PASSWORD,
                false, "test");
    }

    protected static String unique(String local) {
        return local + "-" + UUID.randomUUID().toString().substring(0, 8) + "@mairie-test.fr";
    }

    /** A message from a commune, handled as the mail channel would hand it over (the real assistant decides). */
    protected HandlingResult email(String from, String subject, String text) {
        return conversations.handle(InboundMessage.email("test-" + UUID.randomUUID(), from, null, subject, text));
    }
}
