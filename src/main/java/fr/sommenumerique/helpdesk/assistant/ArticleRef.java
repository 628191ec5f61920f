package fr.sommenumerique.helpdesk.assistant;

/** An article the decision relied on, with how well it matched. */
public record ArticleRef(String id, String title, String service, double score, double coverage, String passage) {
}
