package fr.sommenumerique.helpdesk.knowledge.files;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What the files the build bundles beside the indexes ({@link BundledPlainTexts}, {@link BundledServiceVocabulary})
 * share: a name made from the hash of the code that wrote them, so that a file written by other code is never taken,
 * and strings written as their UTF-8 length and bytes.
 */
final class BundledFile {

    private static final String SUFFIX = ".bin";

    private BundledFile() {
    }

    /**
     * {@code prefix}, then the hash of {@code format}, of the class file of {@code code} and of a library's version
     * resource ({@code libraryVersion}, e.g. {@code META-INF/maven/…/pom.properties}), then {@code .bin}.
     */
    static String name(String prefix, String format, Class<?> code, String libraryVersion) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update((format + "\n").getBytes(StandardCharsets.UTF_8));
            digest.update(resourceBytes(code, code.getSimpleName() + ".class"));
            digest.update(resourceBytes(code, "/" + libraryVersion));
            return prefix + HexFormat.of().formatHex(digest.digest()) + SUFFIX;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static void writeString(DataOutputStream out, String value) throws IOException {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    static String readString(DataInputStream in) throws IOException {
        byte[] bytes = new byte[in.readInt()];
        in.readFully(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static byte[] resourceBytes(Class<?> code, String resource) {
        try (InputStream in = code.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no resource " + resource + " for " + code);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
