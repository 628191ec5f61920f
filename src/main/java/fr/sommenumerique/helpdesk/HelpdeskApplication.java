package fr.sommenumerique.helpdesk;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class HelpdeskApplication {

    public static void main(String[] args) {
        if (HelpdeskCommandLine.handles(args)) {
            System.exit(new HelpdeskCommandLine(System.out, System.err).run(args));
        }
        if (DatabaseRestore.handles(args)) {
            System.exit(new DatabaseRestore(System.out, System.err).run(args));
        }
        SpringApplication.run(HelpdeskApplication.class, args);
    }
}
