/**
 * The assistant's decision engine: answer / subscription / ticket / out of scope. Pure: no side effects.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Assistant",
        allowedDependencies = {"knowledge"})
package fr.sommenumerique.helpdesk.assistant;
