package io.sightline.server.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Counts failed password logins per account (email, known or not, so a lockout does not tell which emails
 * exist) and per client address, in this process's memory. After {@code max} failures within the window the
 * account or address is refused for the lockout time, whatever the password. A successful login clears the
 * account's count, not the address's.
 */
@Component
class LoginThrottle {

    private final LoginProperties properties;
    private final Clock clock = Clock.systemUTC();
    private final Cache<String, Failures> accounts;
    private final Cache<String, Failures> addresses;

    LoginThrottle(LoginProperties properties) {
        this.properties = properties;
        Duration keep = properties.window().plus(properties.lockout());
        this.accounts = Caffeine.newBuilder().expireAfterAccess(keep).maximumSize(100_000).build();
        this.addresses = Caffeine.newBuilder().expireAfterAccess(keep).maximumSize(100_000).build();
    }

    /** Why a login is refused before its password is even checked, and for how long. */
    record Lockout(String message, Duration retryAfter) {
    }

    Optional<Lockout> locked(String email, String address) {
        Instant now = clock.instant();
        Failures byAddress = addresses.getIfPresent(address);
        if (byAddress != null && byAddress.lockedAt(now)) {
            return Optional.of(lockout("from your address", byAddress, now));
        }
        Failures byAccount = accounts.getIfPresent(account(email));
        if (byAccount != null && byAccount.lockedAt(now)) {
            return Optional.of(lockout("for this account", byAccount, now));
        }
        return Optional.empty();
    }

    void failed(String email, String address) {
        Instant now = clock.instant();
        accounts.asMap().compute(account(email), (k, old) -> next(old, now, properties.maxFailuresPerAccount()));
        addresses.asMap().compute(address, (k, old) -> next(old, now, properties.maxFailuresPerAddress()));
    }

    void succeeded(String email) {
        accounts.invalidate(account(email));
    }

    private Failures next(Failures old, Instant now, int max) {
        Failures current = old == null || now.isAfter(old.windowStart().plus(properties.window()))
                ? new Failures(now, 0, null) : old;
        int count = current.count() + 1;
        Instant lockedUntil = count >= max ? now.plus(properties.lockout()) : current.lockedUntil();
        return new Failures(current.windowStart(), count, lockedUntil);
    }

    private Lockout lockout(String whose, Failures failures, Instant now) {
        Duration left = Duration.between(now, failures.lockedUntil());
        long seconds = Math.max(1, left.toSeconds() + (left.toNanosPart() > 0 ? 1 : 0));
        return new Lockout("Too many failed logins " + whose + "; try again in " + seconds + " seconds",
                Duration.ofSeconds(seconds));
    }

    private static String account(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }

    private record Failures(Instant windowStart, int count, Instant lockedUntil) {

        boolean lockedAt(Instant now) {
            return lockedUntil != null && now.isBefore(lockedUntil);
        }
    }
}
