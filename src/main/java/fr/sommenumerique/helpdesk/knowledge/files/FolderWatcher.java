package fr.sommenumerique.helpdesk.knowledge.files;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Calls back when files in a folder are created, changed or deleted. Events are collected for a short quiet
 * period first, because an editor saving a file emits several of them.
 */
public final class FolderWatcher implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(FolderWatcher.class);

    private final Path folder;
    private final Duration quietPeriod;
    private final Runnable onChange;
    private final WatchService watchService;
    private final Thread thread;

    public FolderWatcher(Path folder, Duration quietPeriod, Runnable onChange) throws IOException {
        this.folder = folder;
        this.quietPeriod = quietPeriod;
        this.onChange = onChange;
        this.watchService = FileSystems.getDefault().newWatchService();
        for (Path watched : List.of(folder, folder.resolve(KnowledgeFiles.OUT_OF_SCOPE_FOLDER),
                folder.resolve(KnowledgeFiles.INTENTS_FOLDER), folder.resolve(KnowledgeFiles.TOPICS_FOLDER))) {
            // The subfolders of topic cards, intent examples and questions per subject change behaviour too.
            if (Files.isDirectory(watched)) {
                watched.register(watchService, StandardWatchEventKinds.ENTRY_CREATE,
                        StandardWatchEventKinds.ENTRY_MODIFY, StandardWatchEventKinds.ENTRY_DELETE);
            }
        }
        this.thread = new Thread(this::run, "knowledge-base-watcher");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    private void run() {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                WatchKey key = watchService.take();
                drain(key);
                // Keep absorbing events until the folder has been quiet for a moment.
                WatchKey next;
                while ((next = watchService.poll(quietPeriod.toMillis(), TimeUnit.MILLISECONDS)) != null) {
                    drain(next);
                }
                try {
                    onChange.run();
                } catch (RuntimeException e) {
                    log.error("Reloading after a change in {} failed; the previous version stays in use", folder, e);
                }
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void drain(WatchKey key) {
        key.pollEvents();
        key.reset();
    }

    @Override
    public void close() throws IOException {
        thread.interrupt();
        watchService.close();
    }
}
