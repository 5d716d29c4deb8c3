package io.sightline.server.alert;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;

/** An HTTP receiver for webhook, Slack, Teams and PagerDuty posts: records every request, answers a set status. */
final class Receiver implements AutoCloseable {

    record Received(String path, Map<String, String> headers, String body) {
    }

    private final MockWebServer server = new MockWebServer();
    private final ConcurrentLinkedQueue<Received> received = new ConcurrentLinkedQueue<>();
    private final AtomicInteger status = new AtomicInteger(200);
    private final AtomicInteger delayMillis = new AtomicInteger();

    Receiver() throws IOException {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                Map<String, String> headers = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
                request.getHeaders().forEach(pair -> headers.put(pair.getFirst(), pair.getSecond()));
                received.add(new Received(request.getPath(), headers, request.getBody().readUtf8()));
                try {
                    Thread.sleep(delayMillis.get());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return new MockResponse().setResponseCode(status.get()).setBody("ok");
            }
        });
        server.start();
    }

    String url(String path) {
        return server.url(path).toString();
    }

    /** A slow receiver: every answer waits this long. */
    void delay(int millis) {
        delayMillis.set(millis);
    }

    void answer(int code) {
        status.set(code);
    }

    List<Received> at(String path) {
        return received.stream().filter(r -> r.path().equals(path)).toList();
    }

    @Override
    public void close() throws IOException {
        server.shutdown();
    }
}
