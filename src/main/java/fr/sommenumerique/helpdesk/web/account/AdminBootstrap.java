package fr.sommenumerique.helpdesk.web.account;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.stereotype.Component;

import java.util.Map;

/**
 * On first start (no staff account at all) creates the administrator {@code admin}. Its password comes from the
 * environment variable {@code HELPDESK_ADMIN_PASSWORD} when set (read from the process environment only, never from
 * a configuration file); otherwise a random one is generated, printed once in a WARN block, and must be changed at
 * the first login. Only its hash is stored. There is no default password.
 */
@Component
public class AdminBootstrap implements ApplicationRunner {

    public static final String USERNAME = "admin";
    public static final String PASSWORD_VARIABLE = "HELPDESK_ADMIN_PASSWORD";

    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

    private final StaffAccounts accounts;
    private final Map<String, ?> environment;

    @Autowired
    public AdminBootstrap(StaffAccounts accounts, ConfigurableEnvironment environment) {
        this(accounts, environment.getSystemEnvironment());
    }

    /** @param processEnvironment the variables of the process (a map in tests) */
    public AdminBootstrap(StaffAccounts accounts, Map<String, ?> processEnvironment) {
        this.accounts = accounts;
        this.environment = processEnvironment;
    }

    @Override
    public void run(ApplicationArguments args) {
        createFirstAdministrator();
    }

    /**
     * Returns true when an account was created; false when one existed, or when another instance starting on the
     * same empty database created it first.
     */
    public boolean createFirstAdministrator() {
        if (!accounts.noAccountYet()) {
            return false;
        }
        try {
            return create();
        } catch (RuntimeException e) {
            if (accounts.noAccountYet()) {
                throw e;
            }
            log.info("Premier démarrage : le compte « {} » a été créé par une autre instance.", USERNAME);
            return false;
        }
    }

    private boolean create() {
        NewStaffMember admin = new NewStaffMember(USERNAME, "Administrateur", null, StaffRole.ADMIN);
        Object fromEnvironment = environment.get(PASSWORD_VARIABLE);
        if (fromEnvironment != null && !fromEnvironment.toString().isBlank()) {
            try {
                accounts.createWithPassword(admin, fromEnvironment.toString(), false, "system");
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(PASSWORD_VARIABLE + " refusé : " + e.getMessage());
            }
            log.warn("Premier démarrage : compte administrateur « {} » créé avec le mot de passe de {}.", USERNAME,
                    PASSWORD_VARIABLE);
            return true;
        }
        CreatedAccount created = accounts.create(admin, "system");
        String line = "=".repeat(78);
        log.warn("""

                        {}
                        Premier démarrage : aucun compte n'existait, un compte administrateur a été créé.
                          Identifiant  : {}
                          Mot de passe : {}
                        Ce mot de passe n'est affiché qu'une seule fois et devra être changé à la première
                        connexion. (Pour le choisir : variable d'environnement {} au premier démarrage.)
                        {}""",
                line, USERNAME, created.generatedPassword(), PASSWORD_VARIABLE, line);
        return true;
    }
}
