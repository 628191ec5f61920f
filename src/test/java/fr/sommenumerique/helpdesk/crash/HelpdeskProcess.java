package fr.sommenumerique.helpdesk.crash;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import fr.sommenumerique.helpdesk.HelpdeskApplication;

/**
 * The helpdesk as a separate operating-system process: a child JVM on the test classpath, in its own working
 * folder (so its default {@code ./data} H2 database lives there), its output appended to {@code helpdesk.log} in
 * that folder. {@link #kill()} is a real {@code kill -9}: nothing in the process gets to run.
 */
final class HelpdeskProcess {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Process process;
    private final int port;
    private final Path log;

    private HelpdeskProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /**
     * Starts the helpdesk in {@code workDir} with these Spring properties ({@code --key=value}) and environment
     * variables added to this JVM's.
     */
    static HelpdeskProcess start(Path workDir, Map<String, String> properties, Map<String, String> environment) {
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"),
                HelpdeskApplication.class.getName(),
                "--server.port=" + port));
        properties.forEach((key, value) -> command.add("--" + key + "=" + value));
        Path log = workDir.resolve("helpdesk.log");
        try {
            Files.createDirectories(workDir);
            ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().putAll(environment);
            return new HelpdeskProcess(builder.start(), port, log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    long pid() {
        return process.pid();
    }

    /** Waits until the web server answers {@code /actuator/health} (the mail and Telegram loops start with it). */
    void awaitReady(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
                .timeout(Duration.ofSeconds(2)).build();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the helpdesk exited with " + process.exitValue() + " while starting; see "
                        + log);
            }
            try {
                if (HTTP.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() > 0) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("the helpdesk did not start within " + timeout + "; see " + log);
    }

    /** SIGKILL, as {@code kill -9}: the process ends at once, wherever it is. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("process " + pid() + " survived SIGKILL");
        }
    }

    /** SIGTERM, as a normal shutdown: Spring closes the application; returns the exit code. */
    int stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
            throw new IllegalStateException("process " + pid() + " did not stop within 60 s after SIGTERM");
        }
        return process.exitValue();
    }

    /** Lines of this process's log (since its start, the log being its own) that contain {@code text}. */
    int countLogLines(String text) throws IOException {
        if (!Files.exists(log)) {
            return 0;
        }
        try (var lines = Files.lines(log, StandardCharsets.UTF_8)) {
            return (int) lines.filter(line -> line.contains(text)).count();
        }
    }

    boolean isAlive() {
        return process.isAlive();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
