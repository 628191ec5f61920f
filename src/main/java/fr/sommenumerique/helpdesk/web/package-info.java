/**
 * Staff triage web UI and REST API.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Staff web UI and API",
        allowedDependencies = {"ticketing", "conversation", "assistant", "knowledge"})
package fr.sommenumerique.helpdesk.web;
