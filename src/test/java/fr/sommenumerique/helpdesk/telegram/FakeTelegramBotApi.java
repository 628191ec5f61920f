package fr.sommenumerique.helpdesk.telegram;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.telegram.telegrambots.meta.TelegramUrl;

/**
 * A fake Telegram Bot API on 127.0.0.1 (random port) for tests, driven by the real client.
 *
 * <ul>
 *   <li>Routes {@code /bot<token>/<method>} (method names case-insensitive: the client sends {@code sendmessage},
 *       {@code getupdates} but {@code getFile}, {@code setMyCommands}) and {@code /file/bot<token>/<file_path>}.
 *       A wrong token gets 401, an unknown method 404, like Telegram.</li>
 *   <li>Reads parameters from the query string, JSON, URL-encoded forms and multipart bodies; records every call
 *       ({@link #calls()}, {@link #awaitCall(String)}).</li>
 *   <li>getUpdates serves a queue of updates honouring {@code offset} (confirms everything below it),
 *       {@code limit}, {@code allowed_updates} and long-poll {@code timeout}; a second concurrent getUpdates ends the
 *       first with 409 Conflict, as Telegram does.</li>
 *   <li>Behaves like Telegram where tests care: MarkdownV2 is parsed (unescaped reserved characters give 400 "can't
 *       parse entities"), the returned message carries the plain text and entities; messages to unknown chats give
 *       400 "chat not found"; editing an unknown message or with identical content gives 400; callback answers
 *       need a known query id; getFile refuses files above 20 MB.</li>
 *   <li>Error injection: {@link #failNext(String, int, Failure)} with 429 + retry_after, 500, 502 (HTML), any API
 *       error, or a dropped connection.</li>
 * </ul>
 */
public final class FakeTelegramBotApi implements AutoCloseable {

    /** A token of the real shape (bot id, colon, 35 characters); tests grep logs for it. */
    public static final String DEFAULT_TOKEN = "7000000001:AAH-fakeTokenForTests_0123456789abc";

    public static final long MAX_GET_FILE_BYTES = 20L * 1024 * 1024;

    /** A commune secretary writing to the bot in private. */
    public static final FakeUser SECRETARY = new FakeUser(1_111_111_111L, "Martine", "Dupont", "martine_dupont");
    /** Another user. */
    public static final FakeUser MAYOR = new FakeUser(2_222_222_222L, "Jean", "Leroy", null);

    private static final Pattern COMMAND = Pattern.compile("[a-z0-9_]{1,32}");
    private static final Set<String> CHAT_ACTIONS = Set.of("typing", "upload_photo", "record_video", "upload_video",
            "record_voice", "upload_voice", "upload_document", "choose_sticker", "find_location", "record_video_note",
            "upload_video_note");

    private final String token;
    private final HttpServer server;
    private final ExecutorService executor;
    private final ObjectMapper json = new ObjectMapper();
    private final long botId;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition updatesChanged = lock.newCondition();
    private final List<ObjectNode> pending = new ArrayList<>();
    private final List<ObjectNode> history = new ArrayList<>();
    private int nextUpdateId = 725_000_001;
    private int highestOffset;
    private long pollGeneration;
    private boolean closed;

    private final Map<Long, AtomicInteger> messageIds = new HashMap<>();
    private final Map<Long, ObjectNode> chats = new HashMap<>();
    private final Set<Long> blockedChats = new HashSet<>();
    private final Map<String, ObjectNode> botMessages = new LinkedHashMap<>();
    private final Map<String, Boolean> callbackQueries = new HashMap<>();
    private final Map<String, FakeFile> filesById = new HashMap<>();
    private final Map<String, FakeFile> filesByPath = new HashMap<>();
    private final AtomicLong fileCounter = new AtomicLong();
    private volatile ArrayNode myCommands;

    private final List<ApiCall> calls = new CopyOnWriteArrayList<>();
    private final Map<String, Deque<Failure>> failures = new HashMap<>();
    private volatile Duration awaitTimeout = Duration.ofSeconds(10);

    private FakeTelegramBotApi(String token) throws IOException {
        this.token = token;
        this.botId = Long.parseLong(token.substring(0, token.indexOf(':')));
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        AtomicInteger threads = new AtomicInteger();
        this.executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "fake-telegram-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", this::serve);
        server.start();
    }

    /** Starts a server with {@link #DEFAULT_TOKEN}. */
    public static FakeTelegramBotApi start() {
        return start(DEFAULT_TOKEN);
    }

    public static FakeTelegramBotApi start(String token) {
        try {
            return new FakeTelegramBotApi(token);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the fake Bot API", e);
        }
    }

    // ------------------------------------------------------------------ addresses

    public String token() {
        return token;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** {@code http://127.0.0.1:<port>}: the value for {@code helpdesk.telegram.api-url}. */
    public URI apiUrl() {
        return URI.create("http://127.0.0.1:" + port());
    }

    /** What the library takes: {@code new TelegramUrl("http", "127.0.0.1", port, false)}. */
    public TelegramUrl telegramUrl() {
        return new TelegramUrl("http", "127.0.0.1", port(), false);
    }

    /** How long the await helpers wait (default 10 s). */
    public FakeTelegramBotApi awaitTimeout(Duration timeout) {
        this.awaitTimeout = timeout;
        return this;
    }

    @Override
    public void close() {
        lock.lock();
        try {
            closed = true;
            updatesChanged.signalAll();
        } finally {
            lock.unlock();
        }
        server.stop(0);
        executor.shutdownNow();
    }

    // ------------------------------------------------------------------ users, chats, files

    /** A Telegram user; {@code username} may be null. */
    public record FakeUser(long id, String firstName, String lastName, String username) {

        public FakeUser {
            if (id <= 0) {
                throw new IllegalArgumentException("user ids are positive");
            }
        }

        /** Private chats have the user's id. */
        public long chatId() {
            return id;
        }
    }

    /** A file the fake can serve: getFile answers for it, {@code /file/bot<token>/<path>} returns its bytes. */
    public record FakeFile(String fileId, String fileUniqueId, String filePath, long size, byte[] content) {
    }

    /** Makes a private chat known (as if the user had pressed Start) so the bot may write to it. */
    public FakeTelegramBotApi addPrivateChat(FakeUser user) {
        synchronized (chats) {
            chats.put(user.id(), privateChat(user));
        }
        return this;
    }

    /** Further messages to this chat get 403 "Forbidden: bot was blocked by the user". */
    public FakeTelegramBotApi blockBotIn(long chatId) {
        synchronized (chats) {
            blockedChats.add(chatId);
        }
        return this;
    }

    /** Registers downloadable bytes at a file path; getFile and the download route then serve them. */
    public FakeFile registerFile(String filePath, byte[] content) {
        return storeFile(filePath, content.length, content);
    }

    /** Registers a file that only claims a size (no bytes): for files above the 20 MB limit. */
    public FakeFile registerFileOfSize(String filePath, long declaredSize) {
        return storeFile(filePath, declaredSize, null);
    }

    private FakeFile storeFile(String filePath, long size, byte[] content) {
        long n = fileCounter.incrementAndGet();
        FakeFile file = new FakeFile("BQACAgQAAxkBAAI" + n + "fakeFileId" + Long.toHexString(size),
                "AgAD" + n + "uniq", filePath, size, content);
        synchronized (filesById) {
            filesById.put(file.fileId(), file);
            filesByPath.put(filePath, file);
        }
        return file;
    }

    // ------------------------------------------------------------------ updates

    /** What was queued: ids to assert on or to answer to. */
    public record EnqueuedUpdate(int updateId, long chatId, Integer messageId, String callbackQueryId, FakeFile file,
                                 ObjectNode json) {
    }

    /** A text message from the user in their private chat. */
    public EnqueuedUpdate enqueueText(FakeUser from, String text) {
        ObjectNode message = newMessage(privateChat(from), from, text);
        return enqueue("message", message, null, null);
    }

    /**
     * A text message that answers (Telegram « Répondre ») the bot's message {@code botMessageId}: it carries that
     * message as {@code reply_to_message}, as Telegram stores it.
     */
    public EnqueuedUpdate enqueueReplyTo(FakeUser from, int botMessageId, String text) {
        ObjectNode message = newMessage(privateChat(from), from, text);
        ObjectNode replied;
        synchronized (botMessages) {
            ObjectNode stored = botMessages.get(key(from.chatId(), botMessageId));
            replied = stored == null ? null : stored.deepCopy();
        }
        if (replied == null) {
            throw new IllegalArgumentException("no bot message " + botMessageId + " in chat " + from.chatId());
        }
        message.set("reply_to_message", replied);
        return enqueue("message", message, null, null);
    }

    /** A text message in the private chat of {@code chatId} (a user with that id and default names). */
    public EnqueuedUpdate enqueueText(long chatId, String text) {
        return enqueueText(new FakeUser(chatId, "Utilisateur", String.valueOf(chatId), null), text);
    }

    /** A command such as {@code /start} or {@code /ticket 42}, with its bot_command entity. */
    public EnqueuedUpdate enqueueCommand(FakeUser from, String command, String arguments) {
        String cmd = command.startsWith("/") ? command : "/" + command;
        String text = arguments == null || arguments.isBlank() ? cmd : cmd + " " + arguments;
        ObjectNode message = newMessage(privateChat(from), from, text);
        ArrayNode entities = message.putArray("entities");
        entities.addObject().put("type", "bot_command").put("offset", 0).put("length", cmd.length());
        return enqueue("message", message, null, null);
    }

    /**
     * The user presses a button of a message the bot sent earlier ({@code messageId} from sendMessage): the callback
     * query carries that message as Telegram stores it, with its keyboard.
     */
    public EnqueuedUpdate enqueueCallbackQuery(FakeUser from, int messageId, String data) {
        ObjectNode chat = privateChat(from);
        ObjectNode message;
        synchronized (botMessages) {
            ObjectNode stored = botMessages.get(key(from.chatId(), messageId));
            message = stored != null ? stored.deepCopy() : null;
        }
        if (message == null) {
            message = json.createObjectNode();
            message.put("message_id", messageId);
            message.set("from", botUser());
            message.set("chat", chat);
            message.put("date", now());
            message.put("text", "…");
        }
        String id = Long.toString(Math.abs(from.id() * 31 + messageId * 7919L + System.nanoTime() % 100_000));
        synchronized (callbackQueries) {
            callbackQueries.put(id, false);
        }
        ObjectNode query = json.createObjectNode();
        query.put("id", id);
        query.set("from", user(from));
        query.set("message", message);
        query.put("chat_instance", "-" + Math.abs(from.id() * 17));
        query.put("data", data);
        return enqueue("callback_query", query, id, null);
    }

    /** The user edits one of their earlier messages. */
    public EnqueuedUpdate enqueueEditedMessage(FakeUser from, int messageId, String newText) {
        ObjectNode message = json.createObjectNode();
        message.put("message_id", messageId);
        message.set("from", user(from));
        message.set("chat", privateChat(from));
        message.put("date", now() - 60);
        message.put("edit_date", now());
        message.put("text", newText);
        return enqueue("edited_message", message, null, null);
    }

    /** A photo (registered for download, largest size last as Telegram does) with an optional caption. */
    public EnqueuedUpdate enqueuePhoto(FakeUser from, byte[] jpeg, String caption) {
        long n = fileCounter.get() + 1;
        FakeFile thumb = registerFile("photos/file_" + n + "_s.jpg", new byte[]{(byte) 0xFF, (byte) 0xD8, 0, 1});
        FakeFile full = registerFile("photos/file_" + n + ".jpg", jpeg);
        ObjectNode message = newMessage(privateChat(from), from, null);
        ArrayNode photo = message.putArray("photo");
        photo.add(photoSize(thumb, 90, 67));
        photo.add(photoSize(full, 1280, 960));
        if (caption != null) {
            message.put("caption", caption);
        }
        return enqueue("message", message, null, full);
    }

    /** A document (registered for download) with an optional caption. */
    public EnqueuedUpdate enqueueDocument(FakeUser from, String fileName, String mimeType, byte[] content, String caption) {
        FakeFile file = registerFile("documents/file_" + (fileCounter.get() + 1) + extension(fileName), content);
        return enqueueDocumentMessage(from, fileName, mimeType, file, caption);
    }

    /** A document that only claims {@code declaredSize} bytes (e.g. 25 MB): getFile will refuse it. */
    public EnqueuedUpdate enqueueLargeDocument(FakeUser from, String fileName, String mimeType, long declaredSize) {
        FakeFile file = registerFileOfSize("documents/file_" + (fileCounter.get() + 1) + extension(fileName), declaredSize);
        return enqueueDocumentMessage(from, fileName, mimeType, file, null);
    }

    /** A text message in a group chat (negative id). */
    public EnqueuedUpdate enqueueGroupText(long groupChatId, String title, FakeUser from, String text) {
        if (groupChatId >= 0) {
            throw new IllegalArgumentException("group chat ids are negative");
        }
        ObjectNode chat = json.createObjectNode();
        chat.put("id", groupChatId);
        chat.put("type", "group");
        chat.put("title", title);
        synchronized (chats) {
            chats.put(groupChatId, chat);
        }
        return enqueue("message", newMessage(chat, from, text), null, null);
    }

    /** Any update body, e.g. {@code {"my_chat_member": {...}}}; the fake adds the update_id. */
    public EnqueuedUpdate enqueueRaw(String type, ObjectNode payload) {
        return enqueue(type, payload, null, null);
    }

    /**
     * Puts back every update from {@code updateId} on, as Telegram does when their confirmation was lost (the
     * poller crashed before its next getUpdates).
     */
    public void redeliverFrom(int updateId) {
        lock.lock();
        try {
            Set<Integer> present = new HashSet<>();
            pending.forEach(u -> present.add(u.get("update_id").asInt()));
            for (ObjectNode u : history) {
                int id = u.get("update_id").asInt();
                if (id >= updateId && !present.contains(id)) {
                    pending.add(u);
                }
            }
            pending.sort((a, b) -> Integer.compare(a.get("update_id").asInt(), b.get("update_id").asInt()));
            highestOffset = Math.min(highestOffset, updateId);
            updatesChanged.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Updates not yet confirmed by a getUpdates with a higher offset. */
    public int pendingUpdateCount() {
        lock.lock();
        try {
            return pending.size();
        } finally {
            lock.unlock();
        }
    }

    /** Highest offset a getUpdates call sent (everything below it is confirmed). */
    public int confirmedOffset() {
        lock.lock();
        try {
            return highestOffset;
        } finally {
            lock.unlock();
        }
    }

    private EnqueuedUpdate enqueueDocumentMessage(FakeUser from, String fileName, String mimeType, FakeFile file,
                                                  String caption) {
        ObjectNode message = newMessage(privateChat(from), from, null);
        ObjectNode document = message.putObject("document");
        document.put("file_name", fileName);
        document.put("mime_type", mimeType);
        document.put("file_id", file.fileId());
        document.put("file_unique_id", file.fileUniqueId());
        document.put("file_size", file.size());
        if (caption != null) {
            message.put("caption", caption);
        }
        return enqueue("message", message, null, file);
    }

    private EnqueuedUpdate enqueue(String type, ObjectNode payload, String callbackId, FakeFile file) {
        lock.lock();
        try {
            ObjectNode update = json.createObjectNode();
            int id = nextUpdateId++;
            update.put("update_id", id);
            update.set(type, payload);
            pending.add(update);
            history.add(update);
            updatesChanged.signalAll();
            JsonNode message = payload.has("chat") ? payload : payload.get("message");
            long chatId = message != null && message.has("chat") ? message.get("chat").get("id").asLong()
                    : payload.path("from").path("id").asLong();
            Integer messageId = message != null && message.has("message_id") ? message.get("message_id").asInt() : null;
            return new EnqueuedUpdate(id, chatId, messageId, callbackId, file, update);
        } finally {
            lock.unlock();
        }
    }

    private ObjectNode newMessage(ObjectNode chat, FakeUser from, String text) {
        long chatId = chat.get("id").asLong();
        ObjectNode message = json.createObjectNode();
        message.put("message_id", nextMessageId(chatId));
        message.set("from", user(from));
        message.set("chat", chat);
        message.put("date", now());
        if (text != null) {
            message.put("text", text);
        }
        return message;
    }

    private ObjectNode photoSize(FakeFile file, int width, int height) {
        ObjectNode size = json.createObjectNode();
        size.put("file_id", file.fileId());
        size.put("file_unique_id", file.fileUniqueId());
        size.put("file_size", file.size());
        size.put("width", width);
        size.put("height", height);
        return size;
    }

    private ObjectNode privateChat(FakeUser user) {
        ObjectNode chat = json.createObjectNode();
        chat.put("id", user.chatId());
        chat.put("type", "private");
        chat.put("first_name", user.firstName());
        if (user.lastName() != null) {
            chat.put("last_name", user.lastName());
        }
        if (user.username() != null) {
            chat.put("username", user.username());
        }
        synchronized (chats) {
            chats.putIfAbsent(user.chatId(), chat);
        }
        return chat;
    }

    private ObjectNode user(FakeUser user) {
        ObjectNode node = json.createObjectNode();
        node.put("id", user.id());
        node.put("is_bot", false);
        node.put("first_name", user.firstName());
        if (user.lastName() != null) {
            node.put("last_name", user.lastName());
        }
        if (user.username() != null) {
            node.put("username", user.username());
        }
        node.put("language_code", "fr");
        return node;
    }

    private ObjectNode botUser() {
        ObjectNode node = json.createObjectNode();
        node.put("id", botId);
        node.put("is_bot", true);
        node.put("first_name", "Assistant Mairie connectée");
        node.put("username", "mairie_connectee_test_bot");
        return node;
    }

    private int nextMessageId(long chatId) {
        synchronized (messageIds) {
            return messageIds.computeIfAbsent(chatId, k -> new AtomicInteger(100)).incrementAndGet();
        }
    }

    // ------------------------------------------------------------------ recorded calls

    /**
     * One request received. {@code method} is as sent; {@code failure} names the injected failure it got, or null.
     */
    public record ApiCall(String method, ObjectNode params, Map<String, byte[]> uploads, Instant receivedAt,
                          String failure) {

        public boolean is(String name) {
            return method.equalsIgnoreCase(name);
        }

        public boolean has(String name) {
            return params.hasNonNull(name);
        }

        /** A parameter as text (numbers too), null if absent. */
        public String text(String name) {
            JsonNode node = params.get(name);
            return node == null || node.isNull() ? null : node.isValueNode() ? node.asText() : node.toString();
        }

        public long longValue(String name) {
            String value = text(name);
            if (value == null) {
                throw new AssertionError("parameter " + name + " missing in " + method + ": " + params);
            }
            return Long.parseLong(value);
        }

        /** A JSON parameter (reply_markup, commands…), whether sent as JSON or as a JSON string in a form. */
        public JsonNode json(String name) {
            JsonNode node = params.get(name);
            if (node != null && node.isTextual()) {
                try {
                    return new ObjectMapper().readTree(node.asText());
                } catch (IOException notJson) {
                    return node;
                }
            }
            return node;
        }
    }

    public List<ApiCall> calls() {
        return List.copyOf(calls);
    }

    /** Calls of one method (case-insensitive), oldest first. */
    public List<ApiCall> calls(String method) {
        return calls.stream().filter(c -> c.is(method)).toList();
    }

    public void clearCalls() {
        calls.clear();
    }

    /** Waits for a call of that method and returns the latest one. */
    public ApiCall awaitCall(String method) {
        await().atMost(awaitTimeout).pollInterval(Duration.ofMillis(10)).until(() -> !calls(method).isEmpty());
        List<ApiCall> found = calls(method);
        return found.get(found.size() - 1);
    }

    /** Waits for the first call of that method matching the predicate. */
    public ApiCall awaitCall(String method, Predicate<ApiCall> matching) {
        await().atMost(awaitTimeout).pollInterval(Duration.ofMillis(10))
                .until(() -> calls(method).stream().anyMatch(matching));
        return calls(method).stream().filter(matching).findFirst().orElseThrow();
    }

    /** Waits until at least {@code count} calls of that method arrived; returns them all. */
    public List<ApiCall> awaitCalls(String method, int count) {
        await().atMost(awaitTimeout).pollInterval(Duration.ofMillis(10)).until(() -> calls(method).size() >= count);
        return calls(method);
    }

    /** The bot message as it stands now (after edits), if the bot sent it. */
    public Optional<ObjectNode> botMessage(long chatId, int messageId) {
        synchronized (botMessages) {
            return Optional.ofNullable(botMessages.get(key(chatId, messageId))).map(ObjectNode::deepCopy);
        }
    }

    /** Every message the bot sent to this chat and that the fake accepted, as they stand now, oldest first. */
    public List<ObjectNode> botMessagesIn(long chatId) {
        synchronized (botMessages) {
            return botMessages.entrySet().stream().filter(e -> e.getKey().startsWith(chatId + ":"))
                    .map(e -> e.getValue().deepCopy()).toList();
        }
    }

    /** The command menu last set with setMyCommands (empty when none). */
    public ArrayNode myCommands() {
        ArrayNode commands = myCommands;
        return commands == null ? json.createArrayNode() : commands.deepCopy();
    }

    // ------------------------------------------------------------------ failure injection

    /** An answer the fake gives instead of the normal one. */
    public record Failure(String name, int status, String contentType, String body, boolean drops) {

        /** 429 {@code {"ok":false,"error_code":429,"description":"Too Many Requests: retry after N","parameters":{"retry_after":N}}}. */
        public static Failure tooManyRequests(int retryAfterSeconds) {
            return new Failure("429", 429, "application/json",
                    "{\"ok\":false,\"error_code\":429,\"description\":\"Too Many Requests: retry after " + retryAfterSeconds
                            + "\",\"parameters\":{\"retry_after\":" + retryAfterSeconds + "}}", false);
        }

        /** 500 with a Bot API JSON body. */
        public static Failure serverError() {
            return new Failure("500", 500, "application/json",
                    "{\"ok\":false,\"error_code\":500,\"description\":\"Internal Server Error\"}", false);
        }

        /** 502 with the HTML page of the proxy in front of the Bot API (not JSON). */
        public static Failure badGateway() {
            return new Failure("502", 502, "text/html",
                    "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1>"
                            + "</center>\r\n<hr><center>nginx/1.18.0</center>\r\n</body>\r\n</html>\r\n", false);
        }

        /** Any Bot API error, e.g. {@code apiError(409, "Conflict: terminated by other getUpdates request")}. */
        public static Failure apiError(int code, String description) {
            ObjectNode body = new ObjectMapper().createObjectNode();
            body.put("ok", false).put("error_code", code).put("description", description);
            return new Failure(String.valueOf(code), code, "application/json", body.toString(), false);
        }

        /** The connection is closed without any answer. */
        public static Failure dropConnection() {
            return new Failure("drop", 0, null, null, true);
        }
    }

    /** The next {@code times} calls of {@code method} (case-insensitive) get {@code failure}. */
    public FakeTelegramBotApi failNext(String method, int times, Failure failure) {
        synchronized (failures) {
            Deque<Failure> queue = failures.computeIfAbsent(method.toLowerCase(Locale.ROOT), k -> new ArrayDeque<>());
            for (int n = 0; n < times; n++) {
                queue.add(failure);
            }
        }
        return this;
    }

    /**
     * The next {@code times} calls of {@code method} for the chat {@code chatId} get {@code failure} (Telegram's
     * per-chat limits); other chats are answered normally.
     */
    public FakeTelegramBotApi failNextFor(String method, long chatId, int times, Failure failure) {
        return failNext(method.toLowerCase(Locale.ROOT) + "@" + chatId, times, failure);
    }

    /** The next {@code passes} calls of {@code method} are answered normally, the {@code times} after them fail. */
    public FakeTelegramBotApi failAfter(String method, int passes, int times, Failure failure) {
        failNext(method, passes, PASS);
        return failNext(method, times, failure);
    }

    /** Forgets every failure not served yet. */
    public void clearFailures() {
        synchronized (failures) {
            failures.clear();
        }
    }

    private Failure takeFailure(String method) {
        synchronized (failures) {
            Deque<Failure> queue = failures.get(method.toLowerCase(Locale.ROOT));
            Failure next = queue == null ? null : queue.poll();
            return next == PASS ? null : next;
        }
    }

    /** A queued "no failure": lets {@link #failAfter} put normal answers before the failures. */
    private static final Failure PASS = new Failure("pass", 200, null, null, false);

    // ------------------------------------------------------------------ HTTP

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            if (path.startsWith("/file/bot")) {
                serveFile(exchange, path.substring("/file/bot".length()));
                return;
            }
            if (!path.startsWith("/bot")) {
                sendError(exchange, 404, "Not Found");
                return;
            }
            String rest = path.substring("/bot".length());
            int slash = rest.indexOf('/');
            if (slash < 0 || !rest.substring(0, slash).equals(token)) {
                sendError(exchange, slash < 0 ? 404 : 401, slash < 0 ? "Not Found" : "Unauthorized");
                return;
            }
            String method = rest.substring(slash + 1);
            FakeHttpRequests.Request request = FakeHttpRequests.read(exchange, json);
            Failure failure = request.params().hasNonNull("chat_id")
                    ? takeFailure(method + "@" + request.params().get("chat_id").asText()) : null;
            if (failure == null) {
                failure = takeFailure(method);
            }
            calls.add(new ApiCall(method, request.params(), request.uploads(), Instant.now(),
                    failure == null ? null : failure.name()));
            if (failure != null) {
                fail(exchange, failure);
                return;
            }
            try {
                JsonNode result = dispatch(method.toLowerCase(Locale.ROOT), request);
                ObjectNode answer = json.createObjectNode();
                answer.put("ok", true);
                answer.set("result", result);
                send(exchange, 200, "application/json", json.writeValueAsBytes(answer));
            } catch (ApiError e) {
                sendError(exchange, e.code, e.getMessage());
            }
        } catch (IOException clientGone) {
            // the client cancelled (poller stopping): nothing to answer
        }
    }

    private void fail(HttpExchange exchange, Failure failure) throws IOException {
        if (failure.drops()) {
            // closing the exchange before any response header closes the TCP connection
            exchange.close();
            return;
        }
        send(exchange, failure.status(), failure.contentType(), failure.body().getBytes(StandardCharsets.UTF_8));
    }

    private void serveFile(HttpExchange exchange, String rest) throws IOException {
        int slash = rest.indexOf('/');
        if (slash < 0 || !rest.substring(0, slash).equals(token)) {
            sendError(exchange, 401, "Unauthorized");
            return;
        }
        String filePath = rest.substring(slash + 1);
        calls.add(new ApiCall("download", json.createObjectNode().put("file_path", filePath), Map.of(), Instant.now(), null));
        Failure failure = takeFailure("download");
        if (failure != null) {
            fail(exchange, failure);
            return;
        }
        FakeFile file;
        synchronized (filesById) {
            file = filesByPath.get(filePath);
        }
        if (file == null || file.content() == null) {
            sendError(exchange, 404, "Not Found");
            return;
        }
        send(exchange, 200, "application/octet-stream", file.content());
    }

    private void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private void sendError(HttpExchange exchange, int code, String description) throws IOException {
        ObjectNode error = json.createObjectNode();
        error.put("ok", false);
        error.put("error_code", code);
        error.put("description", description);
        send(exchange, code, "application/json", json.writeValueAsBytes(error));
    }

    // ------------------------------------------------------------------ Bot API methods

    private static final class ApiError extends Exception {
        final int code;

        ApiError(int code, String description) {
            super(description);
            this.code = code;
        }

        static ApiError badRequest(String what) {
            return new ApiError(400, "Bad Request: " + what);
        }
    }

    private JsonNode dispatch(String method, FakeHttpRequests.Request request) throws ApiError, IOException {
        ObjectNode p = request.params();
        return switch (method) {
            case "getme" -> botUser();
            case "deletewebhook", "setwebhook" -> json.getNodeFactory().booleanNode(true);
            case "getwebhookinfo" -> json.createObjectNode().put("url", "").put("has_custom_certificate", false)
                    .put("pending_update_count", pendingUpdateCount());
            case "getupdates" -> getUpdates(p);
            case "sendmessage" -> sendMessage(p);
            case "editmessagetext" -> editMessageText(p);
            case "editmessagereplymarkup" -> editMessageReplyMarkup(p);
            case "answercallbackquery" -> answerCallbackQuery(p);
            case "setmycommands" -> setMyCommands(p);
            case "getmycommands" -> myCommands();
            case "deletemycommands" -> {
                myCommands = null;
                yield json.getNodeFactory().booleanNode(true);
            }
            case "sendchataction" -> sendChatAction(p);
            case "getfile" -> getFile(p);
            case "senddocument", "sendphoto" -> sendFile(method, request);
            default -> throw new ApiError(404, "Not Found");
        };
    }

    private JsonNode getUpdates(ObjectNode p) throws ApiError {
        Integer offset = p.hasNonNull("offset") ? p.get("offset").asInt() : null;
        int limit = Math.max(1, Math.min(100, p.hasNonNull("limit") ? p.get("limit").asInt() : 100));
        int timeout = Math.max(0, p.hasNonNull("timeout") ? p.get("timeout").asInt() : 0);
        Set<String> allowed = new HashSet<>();
        JsonNode allowedNode = p.get("allowed_updates");
        if (allowedNode != null && allowedNode.isTextual()) {
            try {
                allowedNode = json.readTree(allowedNode.asText());
            } catch (IOException e) {
                throw ApiError.badRequest("can't parse allowed_updates JSON array");
            }
        }
        if (allowedNode != null && allowedNode.isArray()) {
            allowedNode.forEach(n -> allowed.add(n.asText()));
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeout);
        lock.lock();
        try {
            long generation = ++pollGeneration;
            updatesChanged.signalAll();
            if (offset != null && offset > 0) {
                pending.removeIf(u -> u.get("update_id").asInt() < offset);
                highestOffset = Math.max(highestOffset, offset);
            }
            while (true) {
                List<ObjectNode> available = pending.stream()
                        .filter(u -> allowed.isEmpty() || u.fieldNames().hasNext() && typeOf(u) != null && allowed.contains(typeOf(u)))
                        .limit(limit)
                        .toList();
                long remaining = deadline - System.nanoTime();
                if (!available.isEmpty() || remaining <= 0 || closed) {
                    ArrayNode result = json.createArrayNode();
                    available.forEach(u -> result.add(u.deepCopy()));
                    return result;
                }
                if (pollGeneration != generation) {
                    throw new ApiError(409, "Conflict: terminated by other getUpdates request; make sure that only "
                            + "one bot instance is running");
                }
                try {
                    updatesChanged.awaitNanos(remaining);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return json.createArrayNode();
                }
                if (pollGeneration != generation) {
                    throw new ApiError(409, "Conflict: terminated by other getUpdates request; make sure that only "
                            + "one bot instance is running");
                }
            }
        } finally {
            lock.unlock();
        }
    }

    private static String typeOf(ObjectNode update) {
        for (var it = update.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!name.equals("update_id")) {
                return name;
            }
        }
        return null;
    }

    private JsonNode sendMessage(ObjectNode p) throws ApiError {
        ObjectNode chat = writableChat(p);
        FakeMarkdownV2.Parsed parsed = parseText(p, "text");
        ObjectNode message = json.createObjectNode();
        long chatId = chat.get("id").asLong();
        message.put("message_id", nextMessageId(chatId));
        message.set("from", botUser());
        message.set("chat", chat);
        message.put("date", now());
        setText(message, parsed);
        JsonNode markup = inlineKeyboard(p);
        if (markup != null && markup.path("inline_keyboard").size() > 0) {
            message.set("reply_markup", markup);
        }
        synchronized (botMessages) {
            botMessages.put(key(chatId, message.get("message_id").asInt()), message.deepCopy());
        }
        return message;
    }

    private JsonNode editMessageText(ObjectNode p) throws ApiError {
        ObjectNode stored = storedBotMessage(p);
        FakeMarkdownV2.Parsed parsed = parseText(p, "text");
        JsonNode markup = inlineKeyboard(p);
        ObjectNode updated = stored.deepCopy();
        updated.remove("entities");
        setText(updated, parsed);
        if (markup != null && markup.path("inline_keyboard").size() > 0) {
            updated.set("reply_markup", markup);
        } else {
            updated.remove("reply_markup");
        }
        return saveEdit(stored, updated);
    }

    private JsonNode editMessageReplyMarkup(ObjectNode p) throws ApiError {
        ObjectNode stored = storedBotMessage(p);
        JsonNode markup = inlineKeyboard(p);
        ObjectNode updated = stored.deepCopy();
        if (markup != null && markup.path("inline_keyboard").size() > 0) {
            updated.set("reply_markup", markup);
        } else {
            updated.remove("reply_markup");
        }
        return saveEdit(stored, updated);
    }

    private JsonNode saveEdit(ObjectNode stored, ObjectNode updated) throws ApiError {
        ObjectNode before = stored.deepCopy();
        before.remove("edit_date");
        ObjectNode after = updated.deepCopy();
        after.remove("edit_date");
        if (before.equals(after)) {
            throw ApiError.badRequest("message is not modified: specified new message content and reply markup are "
                    + "exactly the same as a current content and reply markup of the message");
        }
        updated.put("edit_date", now());
        synchronized (botMessages) {
            botMessages.put(key(updated.get("chat").get("id").asLong(), updated.get("message_id").asInt()), updated);
        }
        return updated.deepCopy();
    }

    private ObjectNode storedBotMessage(ObjectNode p) throws ApiError {
        if (p.hasNonNull("inline_message_id")) {
            throw ApiError.badRequest("inline messages are not supported by the fake");
        }
        if (!p.hasNonNull("chat_id") || !p.hasNonNull("message_id")) {
            throw ApiError.badRequest("message identifier is not specified");
        }
        ObjectNode stored;
        synchronized (botMessages) {
            stored = botMessages.get(key(p.get("chat_id").asLong(), p.get("message_id").asInt()));
        }
        if (stored == null) {
            throw ApiError.badRequest("message to edit not found");
        }
        return stored;
    }

    private JsonNode answerCallbackQuery(ObjectNode p) throws ApiError {
        String id = p.path("callback_query_id").asText(null);
        synchronized (callbackQueries) {
            Boolean answered = id == null ? null : callbackQueries.get(id);
            if (answered == null || answered) {
                throw ApiError.badRequest("query is too old and response timeout expired or query ID is invalid");
            }
            String text = p.path("text").asText("");
            if (text.length() > 200) {
                throw ApiError.badRequest("MESSAGE_TOO_LONG");
            }
            callbackQueries.put(id, true);
        }
        return json.getNodeFactory().booleanNode(true);
    }

    private JsonNode setMyCommands(ObjectNode p) throws ApiError {
        JsonNode commands = jsonParam(p, "commands");
        if (commands == null || !commands.isArray()) {
            throw ApiError.badRequest("parameter \"commands\" is required");
        }
        if (commands.size() > 100) {
            throw ApiError.badRequest("too many commands");
        }
        for (JsonNode c : commands) {
            if (!COMMAND.matcher(c.path("command").asText("")).matches()) {
                throw ApiError.badRequest("BOT_COMMAND_INVALID");
            }
            String description = c.path("description").asText("");
            if (description.isBlank() || description.length() > 256) {
                throw ApiError.badRequest("BOT_COMMAND_DESCRIPTION_INVALID");
            }
        }
        myCommands = (ArrayNode) commands.deepCopy();
        return json.getNodeFactory().booleanNode(true);
    }

    private JsonNode sendChatAction(ObjectNode p) throws ApiError {
        writableChat(p);
        if (!CHAT_ACTIONS.contains(p.path("action").asText(""))) {
            throw ApiError.badRequest("wrong parameter action in request");
        }
        return json.getNodeFactory().booleanNode(true);
    }

    private JsonNode getFile(ObjectNode p) throws ApiError {
        String id = p.path("file_id").asText(null);
        FakeFile file;
        synchronized (filesById) {
            file = id == null ? null : filesById.get(id);
        }
        if (file == null) {
            throw ApiError.badRequest("invalid file_id");
        }
        if (file.size() > MAX_GET_FILE_BYTES) {
            throw ApiError.badRequest("file is too big");
        }
        ObjectNode result = json.createObjectNode();
        result.put("file_id", file.fileId());
        result.put("file_unique_id", file.fileUniqueId());
        result.put("file_size", file.size());
        result.put("file_path", file.filePath());
        return result;
    }

    private JsonNode sendFile(String method, FakeHttpRequests.Request request) throws ApiError {
        ObjectNode p = request.params();
        ObjectNode chat = writableChat(p);
        String field = method.equals("sendphoto") ? "photo" : "document";
        byte[] content = request.uploads().get(field);
        if (content == null) {
            throw ApiError.badRequest("there is no " + field + " in the request");
        }
        String fileName = p.path(field).path("filename").asText("file");
        FakeFile file = registerFile("documents/sent_" + (fileCounter.get() + 1) + extension(fileName), content);
        long chatId = chat.get("id").asLong();
        ObjectNode message = json.createObjectNode();
        message.put("message_id", nextMessageId(chatId));
        message.set("from", botUser());
        message.set("chat", chat);
        message.put("date", now());
        ObjectNode document = message.putObject("document");
        document.put("file_name", fileName);
        document.put("file_id", file.fileId());
        document.put("file_unique_id", file.fileUniqueId());
        document.put("file_size", file.size());
        if (p.hasNonNull("caption")) {
            message.put("caption", p.get("caption").asText());
        }
        return message;
    }

    private ObjectNode writableChat(ObjectNode p) throws ApiError {
        if (!p.hasNonNull("chat_id") || p.get("chat_id").asText().isBlank()) {
            throw ApiError.badRequest("chat_id is empty");
        }
        long chatId;
        try {
            chatId = Long.parseLong(p.get("chat_id").asText());
        } catch (NumberFormatException e) {
            throw ApiError.badRequest("chat not found");
        }
        synchronized (chats) {
            if (blockedChats.contains(chatId)) {
                throw new ApiError(403, "Forbidden: bot was blocked by the user");
            }
            ObjectNode chat = chats.get(chatId);
            if (chat == null) {
                throw ApiError.badRequest("chat not found");
            }
            return chat.deepCopy();
        }
    }

    private FakeMarkdownV2.Parsed parseText(ObjectNode p, String field) throws ApiError {
        String text = p.path(field).asText("");
        if (text.isEmpty()) {
            throw ApiError.badRequest("message text is empty");
        }
        String mode = p.path("parse_mode").asText("");
        FakeMarkdownV2.Parsed parsed;
        if (mode.equalsIgnoreCase("MarkdownV2")) {
            try {
                parsed = FakeMarkdownV2.parse(text);
            } catch (FakeMarkdownV2.ParseError e) {
                throw ApiError.badRequest("can't parse entities: " + e.getMessage());
            }
        } else if (mode.isEmpty()) {
            parsed = new FakeMarkdownV2.Parsed(text, List.of());
        } else if (mode.equalsIgnoreCase("HTML") || mode.equalsIgnoreCase("Markdown")) {
            parsed = new FakeMarkdownV2.Parsed(text, List.of()); // not emulated
        } else {
            throw ApiError.badRequest("unsupported parse_mode");
        }
        if (parsed.text().isBlank()) {
            throw ApiError.badRequest("message text is empty");
        }
        if (parsed.text().length() > 4096) {
            throw ApiError.badRequest("message is too long");
        }
        return parsed;
    }

    private void setText(ObjectNode message, FakeMarkdownV2.Parsed parsed) {
        message.put("text", parsed.text());
        if (!parsed.entities().isEmpty()) {
            ArrayNode entities = message.putArray("entities");
            for (FakeMarkdownV2.Entity e : parsed.entities()) {
                ObjectNode entity = entities.addObject();
                entity.put("type", e.type()).put("offset", e.offset()).put("length", e.length());
                if (e.url() != null) {
                    entity.put("url", e.url());
                }
                if (e.language() != null) {
                    entity.put("language", e.language());
                }
            }
        }
    }

    private JsonNode inlineKeyboard(ObjectNode p) throws ApiError {
        JsonNode markup = jsonParam(p, "reply_markup");
        if (markup == null || markup.isNull()) {
            return null;
        }
        JsonNode rows = markup.get("inline_keyboard");
        if (rows == null || !rows.isArray()) {
            throw ApiError.badRequest("can't parse reply keyboard markup JSON object");
        }
        for (JsonNode row : rows) {
            if (!row.isArray()) {
                throw ApiError.badRequest("can't parse inline keyboard button: InlineKeyboardButton must be an Object");
            }
            for (JsonNode button : row) {
                if (button.path("text").asText("").isEmpty()) {
                    throw ApiError.badRequest("can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard");
                }
                if (button.has("callback_data")) {
                    int bytes = button.get("callback_data").asText().getBytes(StandardCharsets.UTF_8).length;
                    if (bytes < 1 || bytes > 64) {
                        throw ApiError.badRequest("BUTTON_DATA_INVALID");
                    }
                }
            }
        }
        return markup.deepCopy();
    }

    private JsonNode jsonParam(ObjectNode p, String name) throws ApiError {
        JsonNode node = p.get(name);
        if (node != null && node.isTextual()) {
            try {
                return json.readTree(node.asText());
            } catch (IOException e) {
                throw ApiError.badRequest("can't parse " + name + " JSON object");
            }
        }
        return node;
    }

    private static String key(long chatId, int messageId) {
        return chatId + ":" + messageId;
    }

    private static long now() {
        return Instant.now().getEpochSecond();
    }

    private static String extension(String fileName) {
        int dot = fileName == null ? -1 : fileName.lastIndexOf('.');
        return dot < 0 ? "" : fileName.substring(dot).toLowerCase(Locale.ROOT);
    }
}
