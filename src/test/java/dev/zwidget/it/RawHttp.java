package dev.zwidget.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * One GET over a real socket, read until the server closes it, with the body de-chunked as far
 * as it got: what a client holds of a response the server aborted half way.
 */
final class RawHttp {

    private RawHttp() {
    }

    static byte[] bodyUntilAbort(int port, String path, String cookie) throws IOException {
        byte[] raw;
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            String request = "GET " + path + " HTTP/1.1\r\nHost: test\r\nConnection: close\r\n"
                    + (cookie == null ? "" : "Cookie: " + cookie + "\r\n") + "\r\n";
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            raw = readAll(socket.getInputStream());
        }
        String text = new String(raw, StandardCharsets.ISO_8859_1);
        int headersEnd = text.indexOf("\r\n\r\n");
        String headers = text.substring(0, headersEnd).toLowerCase(Locale.ROOT);
        int at = headersEnd + 4;
        if (!headers.contains("transfer-encoding: chunked")) {
            return java.util.Arrays.copyOfRange(raw, at, raw.length);
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (at < raw.length) {
            int lineEnd = text.indexOf("\r\n", at);
            if (lineEnd < 0) {
                break;
            }
            int size = Integer.parseInt(text.substring(at, lineEnd).trim(), 16);
            int from = lineEnd + 2;
            int available = Math.min(size, raw.length - from);
            body.write(raw, from, Math.max(0, available));
            if (size == 0 || available < size) {
                break;
            }
            at = from + size + 2;
        }
        return body.toByteArray();
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int n; (n = in.read(buffer)) > 0; ) {
                all.write(buffer, 0, n);
            }
        } catch (IOException reset) {
            // An aborted response may end in a reset instead of a close: keep what arrived.
        }
        return all.toByteArray();
    }
}
