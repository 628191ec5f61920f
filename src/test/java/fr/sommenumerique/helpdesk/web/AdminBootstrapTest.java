package fr.sommenumerique.helpdesk.web;

import fr.sommenumerique.helpdesk.web.account.AdminBootstrap;
import fr.sommenumerique.helpdesk.web.account.StaffAccounts;
import fr.sommenumerique.helpdesk.web.account.StaffUser;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.ActiveProfiles;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * First start on an empty database: an administrator « admin » with a random password printed once, only its hash
 * stored; or the password of HELPDESK_ADMIN_PASSWORD. No default password anywhere (not even Spring Boot's).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "helpdesk.mail.enabled=false")
@ActiveProfiles("test")
@ExtendWith(OutputCaptureExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AdminBootstrapTest {

    private static final Pattern PRINTED = Pattern.compile("Mot de passe : (\\S+)");

    @Autowired
    StaffAccounts accounts;
    @Autowired
    PasswordEncoder encoder;
    @Autowired
    JdbcClient jdbc;

    @Test
    @Order(1)
    void the_first_start_creates_admin_with_a_random_password_printed_once(CapturedOutput output) {
        Matcher printed = PRINTED.matcher(output.getOut());
        assertThat(printed.find()).as("WARN block with the password").isTrue();
        String password = printed.group(1);
        assertThat(password).hasSize(20);
        assertThat(output.getOut()).contains("WARN").contains("Identifiant  : admin")
                .doesNotContain("Using generated security password");
        assertThat(output.getOut().split(Pattern.quote(password), -1)).hasSize(2); // printed exactly once

        StaffUser admin = accounts.require("admin");
        assertThat(admin.isAdmin()).isTrue();
        assertThat(admin.mustChangePassword()).isTrue();
        String hash = storedHash();
        assertThat(hash).startsWith("{bcrypt}").doesNotContain(password);
        assertThat(encoder.matches(password, hash)).isTrue();
        assertThat(new AdminBootstrap(accounts, Map.of()).createFirstAdministrator()).isFalse();
    }

    @Test
    @Order(2)
    void the_password_can_come_from_the_environment_instead(CapturedOutput output) {
        emptyStaffTable();
        assertThatThrownBy(() -> new AdminBootstrap(accounts, Map.of(AdminBootstrap.PASSWORD_VARIABLE, "court"))
                .createFirstAdministrator())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("au moins 12 caractères");
        assertThat(accounts.find("admin")).isEmpty();
        // bcrypt reads 72 bytes at most: 45 characters, 35 of them accented, are 80 bytes
        assertThatThrownBy(() -> new AdminBootstrap(accounts, Map.of(AdminBootstrap.PASSWORD_VARIABLE,
                "é".repeat(35) + "abcdefghij")).createFirstAdministrator())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage(AdminBootstrap.PASSWORD_VARIABLE + " refusé : Le mot de passe est trop long : 72 octets au plus,"
                        + " soit 72 caractères sans accents (une lettre accentuée compte pour deux).");
        assertThat(accounts.find("admin")).isEmpty();

        String chosen = "la phrase choisie par l'installateur";
        assertThat(new AdminBootstrap(accounts, Map.of(AdminBootstrap.PASSWORD_VARIABLE, chosen)).createFirstAdministrator())
                .isTrue();
        assertThat(accounts.require("admin").mustChangePassword()).isFalse();
        assertThat(encoder.matches(chosen, storedHash())).isTrue();
        assertThat(output.getOut()).doesNotContain(chosen);
    }

    private String storedHash() {
        return jdbc.sql("SELECT password_hash FROM staff_users WHERE username = 'admin'").query(String.class).single();
    }

    private void emptyStaffTable() {
        jdbc.sql("DELETE FROM api_tokens").update();
        jdbc.sql("DELETE FROM staff_users").update();
    }
}
