/**
 * Several instances on one database: which instance reads each inbound channel (a lock held in the database, with
 * Spring Integration's JDBC lock registry). Staff sessions are shared through the database by Spring Session JDBC.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Instances sharing one database",
        allowedDependencies = {})
package fr.sommenumerique.helpdesk.cluster;
