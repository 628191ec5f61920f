/**
 * Knowledge base: the French FAQ articles of {@code knowledge-base/}, their Lucene index and search.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Knowledge base",
        allowedDependencies = {})
package fr.sommenumerique.helpdesk.knowledge;
