package io.sightline.server.destination;

import java.util.List;
import java.util.Map;

/** One destination type: its options and how it sends a notification. */
interface DestinationSender {

    /** Redash's type name, e.g. {@code email}, {@code microsoft_teams_webhook}. */
    String type();

    String name();

    String icon();

    List<DestinationField> fields();

    /**
     * @param options the destination's options, secrets decrypted, defaults filled in
     * @param notificationId the outbox row, for the receiver to recognise a repeated delivery
     * @throws DeliveryFailure when the destination did not take it
     */
    void send(Map<String, Object> options, Notification notification, long notificationId) throws DeliveryFailure;
}
