package dev.zwidget.internal.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zwidget.WidgetUser;
import dev.zwidget.internal.config.Secret;
import java.time.Clock;
import java.time.Duration;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

class TokenSourceTest {

    @Test
    void anOldJacksonIsNamedWithWhatToDo() {
        NoClassDefFoundError error = new NoClassDefFoundError("com/fasterxml/jackson/databind/json/JsonMapper");
        assertEquals("java-jwt cannot run with the Jackson on the classpath (a class it needs is missing"
                + " or too old); use the -all jar or upgrade Jackson", TokenSource.likelyCause(error));
    }

    @Test
    void theJacksonCauseIsFoundBehindCouldNotInitialize() {
        NoClassDefFoundError later = new NoClassDefFoundError("Could not initialize class com.auth0.jwt.JWTCreator");
        later.initCause(new ExceptionInInitializerError("Exception java.lang.NoClassDefFoundError: "
                + "com/fasterxml/jackson/databind/json/JsonMapper [in thread \"main\"]"));
        assertTrue(TokenSource.likelyCause(later).startsWith("java-jwt cannot run with the Jackson on the classpath"));
    }

    @Test
    void aMissingJavaJwtIsNamed() {
        assertEquals("java-jwt is missing or incompatible; add com.auth0:java-jwt 4.x or use the -all jar",
                TokenSource.likelyCause(new NoClassDefFoundError("com/auth0/jwt/JWT")));
    }

    @Test
    void aWorkingStackPassesItsStartCheckAndCountsWhatItMints() {
        dev.zwidget.internal.ops.FilterStats stats = new dev.zwidget.internal.ops.FilterStats();
        TokenSource source = new TokenSource(() -> new dev.zwidget.internal.token.TokenMinter("app_1",
                Secret.of("s"), Duration.ofMinutes(5), Clock.systemUTC()), new OnceLog(Logger.getLogger("test"), Clock.systemUTC()),
                stats);
        source.checkAtStart();
        assertNull(source.brokenBecause());
        assertEquals(0, stats.tokensMinted(), "the start check is not a visitor's token");
        source.mint(WidgetUser.of("42"));
        assertEquals(1, stats.tokensMinted());
    }
}
