package fr.sommenumerique.helpdesk.knowledge;

import java.nio.file.Path;

/** A knowledge-base file that could not be loaded, and why; it is left out of the index until fixed. */
public record ArticleProblem(Path file, String reason) {
}
