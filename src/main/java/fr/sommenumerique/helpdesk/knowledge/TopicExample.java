package fr.sommenumerique.helpdesk.knowledge;

/**
 * One question of the topic corpus ({@code sujets/<id>.txt}): how someone might ask about what the article or topic
 * card {@code articleId} answers, in their own words.
 */
public record TopicExample(String articleId, String text) {
}
