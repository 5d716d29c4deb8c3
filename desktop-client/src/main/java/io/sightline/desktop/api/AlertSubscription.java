package io.sightline.desktop.api;

/**
 * Who is notified of an alert, and where ({@code /api/alerts/{id}/subscriptions}).
 *
 * @param destination the destination notified, or null for the subscriber's own email through the server's mail
 */
public record AlertSubscription(long id, Subscriber user, DestinationSummary destination) {

    /** The user who subscribed. */
    public record Subscriber(long id, String name, String email) {
    }
}
