package io.sightline.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;

/** Client threads that each run one query after another until a given number has run (a closed loop). */
final class Concurrent implements AutoCloseable {

    /** Numbers for distinct query texts, across the whole run: no two queries share a text. */
    private static final AtomicLong NEXT = new AtomicLong(1);

    private final int clients;
    private final ExecutorService threads;

    Concurrent(int clients) {
        this.clients = clients;
        this.threads = Executors.newFixedThreadPool(clients);
    }

    /** The wall time of the run, from the first query sent to the last answer read, and each query's latency. */
    record Run(int clients, long wallNanos, long[] latencies) {

        double perSecond() {
            return latencies.length / (wallNanos / 1e9);
        }

        Stats stats() {
            return new Stats(latencies);
        }
    }

    static long nextNumber() {
        return NEXT.getAndIncrement();
    }

    Run run(QueryPath path, int queries, LongFunction<String> sql) throws Exception {
        long[] latencies = new long[queries];
        AtomicInteger taken = new AtomicInteger();
        List<Future<?>> clientsDone = new ArrayList<>();
        long start = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            clientsDone.add(threads.submit(() -> {
                for (int i = taken.getAndIncrement(); i < queries; i = taken.getAndIncrement()) {
                    long n = nextNumber();
                    long t0 = System.nanoTime();
                    path.run(sql.apply(n), n);
                    latencies[i] = System.nanoTime() - t0;
                }
                return null;
            }));
        }
        try {
            for (Future<?> client : clientsDone) {
                client.get();
            }
        } catch (ExecutionException e) {
            taken.set(queries); // the other clients stop after their current query
            throw new IllegalStateException(path.name() + " failed: " + e.getCause().getMessage(), e.getCause());
        }
        return new Run(clients, System.nanoTime() - start, latencies);
    }

    @Override
    public void close() {
        threads.shutdownNow();
    }
}
