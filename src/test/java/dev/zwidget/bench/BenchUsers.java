package dev.zwidget.bench;

import dev.zwidget.UserResolver;
import dev.zwidget.WidgetUser;
import jakarta.servlet.http.HttpServletRequest;

/** Every visitor of the benchmark is signed in, as after a login: no session store in the measurement. */
public final class BenchUsers implements UserResolver {

    @Override
    public WidgetUser resolve(HttpServletRequest request) {
        return WidgetUser.of("1001").withName("Alice Example").withEmail("alice@example.com", true);
    }
}
