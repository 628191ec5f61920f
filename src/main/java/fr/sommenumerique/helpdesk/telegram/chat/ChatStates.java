package fr.sommenumerique.helpdesk.telegram.chat;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import fr.sommenumerique.helpdesk.knowledge.ServiceArea;

/**
 * Where each private chat stands in a guided exchange ({@code telegram_chat_states}). Kept in the database, in the
 * transaction of the update that changes it: a redelivered update, refused as a duplicate, cannot move a step twice,
 * and a restart in the middle of /souscrire loses nothing. An expired state is as good as none.
 */
@Component
class ChatStates {

    enum Flow { LINK, SUBSCRIBE }

    /** LINK: EMAIL → CODE. SUBSCRIBE: COMMUNE → SERVICES → EMAIL → CONFIRM. */
    enum Step { EMAIL, CODE, COMMUNE, SERVICES, CONFIRM }

    record ChatState(long chatId, Flow flow, Step step, String communeInsee, Set<ServiceArea> services, String email,
                     Instant expiresAt) {

        ChatState {
            services = services == null || services.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(services));
        }

        static ChatState start(long chatId, Flow flow, Step step) {
            return new ChatState(chatId, flow, step, null, Set.of(), null, null);
        }

        boolean is(Flow f, Step s) {
            return flow == f && step == s;
        }

        ChatState at(Step newStep) {
            return new ChatState(chatId, flow, newStep, communeInsee, services, email, expiresAt);
        }

        ChatState withCommune(String insee) {
            return new ChatState(chatId, flow, step, insee, services, email, expiresAt);
        }

        ChatState withServices(Set<ServiceArea> newServices) {
            return new ChatState(chatId, flow, step, communeInsee, newServices, email, expiresAt);
        }

        ChatState withEmail(String newEmail) {
            return new ChatState(chatId, flow, step, communeInsee, services, newEmail, expiresAt);
        }
    }

    private final JdbcClient jdbc;

    ChatStates(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The chat's state, unless it expired. */
    Optional<ChatState> current(long chatId, Instant now) {
        return jdbc.sql("SELECT * FROM telegram_chat_states WHERE chat_id = ?").params(chatId)
                .query(ChatStates::map).optional()
                .filter(s -> s.expiresAt().isAfter(now));
    }

    /** Saves the state; it expires {@code ttl} after now. */
    ChatState save(ChatState state, Instant now, java.time.Duration ttl) {
        Instant expires = now.plus(ttl);
        String services = state.services().isEmpty() ? null : encode(state.services());
        // update, else insert (portable: no upsert syntax is common to H2 and PostgreSQL); the chat's updates are
        // handled one at a time, so no other transaction inserts the same chat in between
        int updated = jdbc.sql("""
                        UPDATE telegram_chat_states SET flow = ?, step = ?, commune_insee = ?, services = ?, email = ?,
                            updated_at = ?, expires_at = ? WHERE chat_id = ?""")
                .params(state.flow().name(), state.step().name(), state.communeInsee(), services, state.email(),
                        ts(now), ts(expires), state.chatId())
                .update();
        if (updated == 0) {
            jdbc.sql("""
                            INSERT INTO telegram_chat_states (chat_id, flow, step, commune_insee, services, email, updated_at,
                                expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(state.chatId(), state.flow().name(), state.step().name(), state.communeInsee(), services,
                            state.email(), ts(now), ts(expires))
                    .update();
        }
        return new ChatState(state.chatId(), state.flow(), state.step(), state.communeInsee(), state.services(),
                state.email(), expires);
    }

    /** Ends any exchange of the chat; true when there was one still running. */
    boolean clear(long chatId, Instant now) {
        boolean active = current(chatId, now).isPresent();
        jdbc.sql("DELETE FROM telegram_chat_states WHERE chat_id = ?").params(chatId).update();
        return active;
    }

    static OffsetDateTime ts(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static String encode(Set<ServiceArea> services) {
        return EnumSet.copyOf(services).stream().map(Enum::name).collect(Collectors.joining(","));
    }

    private static Set<ServiceArea> decode(String services) {
        if (services == null || services.isBlank()) {
            return Set.of();
        }
        return Arrays.stream(services.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .map(ServiceArea::valueOf).collect(Collectors.toCollection(() -> EnumSet.noneOf(ServiceArea.class)));
    }

    private static ChatState map(ResultSet rs, int row) throws SQLException {
        return new ChatState(rs.getLong("chat_id"), Flow.valueOf(rs.getString("flow")), Step.valueOf(rs.getString("step")),
                rs.getString("commune_insee"), decode(rs.getString("services")), rs.getString("email"),
                instant(rs, "expires_at"));
    }
}
