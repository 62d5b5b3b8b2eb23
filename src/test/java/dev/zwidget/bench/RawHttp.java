package dev.zwidget.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** The load benchmark's own requests, written on a socket: the marker cookie, the 10 MB page's first byte. */
final class RawHttp {

    private RawHttp() {
    }

    /**
     * One GET over a fresh socket: the time until the first byte of the body arrived. The rest is
     * read too, so that the server is done with this page before the next measurement starts.
     */
    static double firstBodyByteMicros(int port, String path, String cookie) throws IOException {
        long start = System.nanoTime();
        try (Socket socket = new Socket("127.0.0.1", port)) {
            InputStream in = request(socket, path, cookie);
            readHead(in);
            in.read();
            double micros = (System.nanoTime() - start) / 1e3;
            byte[] rest = new byte[65536];
            while (in.read(rest) >= 0) {
                // drained
            }
            return micros;
        }
    }

    /** One GET over a fresh socket; returns the head. */
    static byte[] get(int port, String path, String cookie) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            return readHead(request(socket, path, cookie));
        }
    }

    private static InputStream request(Socket socket, String path, String cookie) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(("GET " + path + " HTTP/1.1\r\nHost: bench\r\nAccept: text/html\r\nConnection: close\r\n"
                + (cookie == null ? "" : "Cookie: " + cookie + "\r\n") + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        // Buffered: read a byte at a time from the socket, the head cost a system call per byte,
        // so a response with one header more (the filter's Cache-Control) seemed to arrive later.
        return new BufferedInputStream(socket.getInputStream(), 64 * 1024);
    }

    private static byte[] readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            head.write(b);
            matched = (b == (matched % 2 == 0 ? '\r' : '\n')) ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        return head.toByteArray();
    }
}
