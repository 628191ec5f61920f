package fr.sommenumerique.helpdesk.knowledge;

import java.util.Set;

/**
 * One section of an article: a paragraph, with the list it introduces when it ends with « : ».
 *
 * @param text  the plain text of the section
 * @param terms its analysed terms, as the search compares them
 */
public record Section(int index, String text, Set<String> terms) {

    public Section {
        terms = Set.copyOf(terms);
    }
}
