package io.sightline.bench;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * One viewer's kept-alive HTTP/1.1 connection, as a browser tab holds one: a blocking socket, a request written in
 * one piece, the answer read to its end (Content-Length or chunked) and counted, not kept. Cheaper per request than
 * {@code java.net.http} (no selector thread shared by 200 clients, no per-request futures), so that the load
 * generator takes as little of the machine's two cores as possible. Reconnects when the server closed it.
 */
final class KeepAliveConnection implements AutoCloseable {

    /** Status, the ETag or Last-Modified a browser would revalidate with, and the body's length. */
    record Answer(int status, String etag, String lastModified, long bodyBytes) {
    }

    private final int port;
    private final String hostHeader;
    private Socket socket;
    private InputStream in;
    private OutputStream out;

    KeepAliveConnection(int port) {
        this.port = port;
        this.hostHeader = "Host: 127.0.0.1:" + port + "\r\n";
    }

    /**
     * @param conditional a header line such as {@code If-None-Match: "w1-r2"} (no line end), or null
     * @throws IOException when the server answers nothing (the connection is closed; the next call reconnects)
     */
    Answer get(String path, String conditional) throws IOException {
        if (socket == null) {
            connect();
        }
        try {
            return exchange(path, conditional);
        } catch (IOException e) {
            close();
            throw e;
        }
    }

    private Answer exchange(String path, String conditional) throws IOException {
        // one write, one segment: the request line and headers together
        String request = "GET " + path + " HTTP/1.1\r\n" + hostHeader + "Accept: application/json\r\n"
                + (conditional == null ? "" : conditional + "\r\n") + "\r\n";
        out.write(request.getBytes(StandardCharsets.US_ASCII));
        out.flush();

        String statusLine = line();
        int status = Integer.parseInt(statusLine.substring(9, 12));
        long length = -1;
        boolean chunked = false;
        boolean closes = false;
        String etag = null;
        String lastModified = null;
        for (String header = line(); !header.isEmpty(); header = line()) {
            int colon = header.indexOf(':');
            String name = header.substring(0, colon).toLowerCase(Locale.ROOT);
            String value = header.substring(colon + 1).strip();
            switch (name) {
                case "content-length" -> length = Long.parseLong(value);
                case "transfer-encoding" -> chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
                case "connection" -> closes = value.equalsIgnoreCase("close");
                case "etag" -> etag = value;
                case "last-modified" -> lastModified = value;
                default -> {
                }
            }
        }
        long body = status == 304 || status == 204 ? 0 : chunked ? skipChunks() : skip(Math.max(length, 0));
        if (closes) {
            close();
        }
        return new Answer(status, etag, lastModified, body);
    }

    private long skipChunks() throws IOException {
        long total = 0;
        while (true) {
            String size = line();
            int semicolon = size.indexOf(';');
            long chunk = Long.parseLong(semicolon < 0 ? size.strip() : size.substring(0, semicolon).strip(), 16);
            if (chunk == 0) {
                while (!line().isEmpty()) {
                    // trailers
                }
                return total;
            }
            total += skip(chunk);
            line(); // the CRLF after the chunk
        }
    }

    private long skip(long bytes) throws IOException {
        long left = bytes;
        while (left > 0) {
            long skipped = in.skip(left);
            if (skipped <= 0) {
                if (in.read() < 0) {
                    throw new EOFException("connection closed within a body");
                }
                skipped = 1;
            }
            left -= skipped;
        }
        return bytes;
    }

    private String line() throws IOException {
        StringBuilder line = new StringBuilder(64);
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new EOFException("connection closed by the server");
            }
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }

    private void connect() throws IOException {
        socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.setSoTimeout(30_000);
        socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
        in = new BufferedInputStream(socket.getInputStream(), 16_384);
        out = socket.getOutputStream();
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing a socket the server already closed
            }
            socket = null;
        }
    }
}
