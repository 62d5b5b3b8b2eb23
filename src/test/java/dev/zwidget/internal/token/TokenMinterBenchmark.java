package dev.zwidget.internal.token;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import dev.zwidget.WidgetUser;
import dev.zwidget.internal.config.Secret;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One token for a signed-in visitor with name and email, as a page render mints it.
 * {@code mvn -B -Pbench test-compile exec:exec -Djmh.args=TokenMinterBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class TokenMinterBenchmark {

    private final TokenMinter minter = new TokenMinter("app_64f0c2a9e1b3d7",
            Secret.of("bench-secret-bench-secret-bench-secret"), Duration.ofMinutes(5), Clock.systemUTC());
    private final WidgetUser user = WidgetUser.of("customer-10442").withName("Ana Souza")
            .withEmail("ana.souza@example.com", true);

    /** For comparison: the same header and claims through java-jwt's builder and HS256. */
    private final Algorithm javaJwtHs256 = Algorithm.HMAC256("bench-secret-bench-secret-bench-secret");

    @Benchmark
    public String mint() {
        return minter.mint(user);
    }

    @Benchmark
    public String javaJwtBuilder() {
        long now = Clock.systemUTC().instant().getEpochSecond();
        return JWT.create().withHeader(Collections.singletonMap("typ", "JWT")).withKeyId("app_64f0c2a9e1b3d7")
                .withClaim("scope", "user").withClaim("external_id", user.externalId())
                .withIssuedAt(Instant.ofEpochSecond(now)).withExpiresAt(Instant.ofEpochSecond(now + 300))
                .withClaim("name", user.name()).withClaim("email", user.email())
                .withClaim("email_verified", user.emailVerified()).sign(javaJwtHs256);
    }
}
