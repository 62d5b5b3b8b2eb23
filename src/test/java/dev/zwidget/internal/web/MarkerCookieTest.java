package dev.zwidget.internal.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.zwidget.internal.config.Secret;
import dev.zwidget.internal.token.MarkerCodec;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.LocalConnector;
import org.eclipse.jetty.server.Server;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The marker is read from the Cookie header by the filter itself: it must be the value the
 * container's own {@code getCookies()} gives for the same request, whatever else the browser sends.
 */
class MarkerCookieTest {

    private static final MarkerCookie MARKER = new MarkerCookie(
            new MarkerCodec(Collections.singletonList(Secret.of("marker-test-secret-marker-test-secret"))),
            "", MarkerCookie.NAME);
    private static Server server;
    private static LocalConnector connector;

    @BeforeAll
    static void start() throws Exception {
        server = new Server();
        connector = new LocalConnector(server);
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler();
        context.addServlet(new ServletHolder(new HttpServlet() {
            @Override
            protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
                String containers = null;
                for (Cookie cookie : request.getCookies() == null ? new Cookie[0] : request.getCookies()) {
                    if (containers == null && cookie.getName().equals(MarkerCookie.NAME)) {
                        containers = cookie.getValue();
                    }
                }
                response.getWriter().print("container=" + containers + "|filter=" + MARKER.read(request));
            }
        }), "/*");
        server.setHandler(context);
        server.start();
    }

    @AfterAll
    static void stop() throws Exception {
        server.stop();
    }

    /** Each row: the Cookie header lines ({@code ||} between two headers), then the value both must find. */
    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '!', nullValues = "null", value = {
        "zwidget_signed_in=AbC-_9 ! AbC-_9",
        "JSESSIONID=node01x2; zwidget_signed_in=AbC-_9; theme=dark ! AbC-_9",
        "JSESSIONID=node01x2;zwidget_signed_in=AbC-_9 ! AbC-_9",
        "JSESSIONID=node01x2 || zwidget_signed_in=AbC-_9 ! AbC-_9",
        "zwidget_signed_in=first; zwidget_signed_in=second ! first",
        "zwidget_signed_in_shop=AbC; other=1 ! null",
        "my_zwidget_signed_in=AbC ! null",
        "note=zwidget_signed_in ! null",
        "zwidget_signed_in= ! ''",
        "theme=dark ! null",
        "a=1 ;  zwidget_signed_in = AbC  ; b=2 ! AbC",
        "a=1;\tzwidget_signed_in=AbC\t ! AbC",
        "a=zwidget_signed_in=AbC ! null",
        "zwidget_signed_inx=AbC ! null",
        "zwidget_signed_in ! null",
    })
    void theMarkerIsTheValueTheContainersOwnCookiesGive(String headers, String expected) throws Exception {
        StringBuilder request = new StringBuilder("GET /page HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n");
        for (String header : headers.split(" \\|\\| ")) {
            request.append("Cookie: ").append(header.trim()).append("\r\n");
        }
        String response = connector.getResponse(request.append("\r\n").toString());
        String body = response.substring(response.indexOf("\r\n\r\n") + 4);
        assertEquals("container=" + expected + "|filter=" + expected, body);
    }
}
