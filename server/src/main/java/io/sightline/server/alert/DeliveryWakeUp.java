package io.sightline.server.alert;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;

/** Lets a committed transition wake this process's delivery loop before its next tick. */
@Component
class DeliveryWakeUp {

    private final Semaphore signal = new Semaphore(0);

    void wake() {
        if (signal.availablePermits() == 0) {
            signal.release();
        }
    }

    /** Waits up to {@code millis} or until woken. */
    void await(long millis) throws InterruptedException {
        if (signal.tryAcquire(millis, TimeUnit.MILLISECONDS)) {
            signal.drainPermits();
        }
    }
}
