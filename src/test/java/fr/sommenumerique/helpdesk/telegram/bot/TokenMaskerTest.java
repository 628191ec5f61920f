package fr.sommenumerique.helpdesk.telegram.bot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;

import org.junit.jupiter.api.Test;

class TokenMaskerTest {

    private static final String TOKEN = "123456789:AAE-abc_DEF";
    private final TokenMasker masker = new TokenMasker(TOKEN);

    @Test
    void masksRawAndUrlEncodedToken() {
        assertThat(masker.mask("GET https://api.telegram.org/bot123456789:AAE-abc_DEF/getMe"))
                .isEqualTo("GET https://api.telegram.org/bot<token>/getMe");
        assertThat(masker.mask("/file/bot123456789%3AAAE-abc_DEF/x and %3a: 123456789%3aAAE-abc_DEF"))
                .isEqualTo("/file/bot<token>/x and %3a: <token>");
    }

    @Test
    void describesACauseChainMasked() {
        Exception error = new IllegalStateException("outer", new IOException("failed /bot" + TOKEN + "/getUpdates"));

        assertThat(masker.describe(error))
                .isEqualTo("IllegalStateException: outer <- IOException: failed /bot<token>/getUpdates");
    }

    @Test
    void noTokenMasksNothing() {
        assertThat(new TokenMasker("").mask("bot:abc")).isEqualTo("bot:abc");
        assertThat(new TokenMasker(null).mask(null)).isNull();
    }
}
