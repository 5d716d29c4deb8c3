package io.sightline.server.destination;

import io.sightline.server.datasource.Reencryption;
import io.sightline.server.datasource.Rewrites;
import io.sightline.server.datasource.Secrets;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;

/** What alerts may ask of destinations: what one is, and to send a notification to one. */
@Service
public class Destinations {

    private final DestinationRepository repository;
    private final DestinationTypes types;
    private final DestinationOptions options;
    private final DestinationService service;
    private final ServerMail serverMail;
    private final Secrets secrets;

    Destinations(DestinationRepository repository, DestinationTypes types, DestinationOptions options,
                 DestinationService service, ServerMail serverMail, Secrets secrets) {
        this.secrets = secrets;
        this.serverMail = serverMail;
        this.repository = repository;
        this.types = types;
        this.options = options;
        this.service = service;
    }

    /** {@code {id, name, type, icon}}, as a subscription shows its destination. */
    public Optional<Map<String, Object>> summary(long id) {
        return repository.find(id).map(service::summary);
    }

    public Optional<String> type(long id) {
        return repository.find(id).map(DestinationRow::type);
    }

    /**
     * Sends the notification with the destination's current options.
     *
     * @throws DeliveryFailure when it could not be delivered (the destination was deleted, is down, refused it);
     *         the message never contains the destination's secrets
     */
    public void deliver(long destinationId, Notification notification, long notificationId) throws DeliveryFailure {
        DestinationRow row = repository.find(destinationId)
                .orElseThrow(() -> new DeliveryFailure("The destination was deleted"));
        DestinationSender sender = types.find(row.type())
                .orElseThrow(() -> new DeliveryFailure("Unknown destination type " + row.type()));
        Map<String, Object> decoded;
        try {
            decoded = options.decode(sender, row.options());
        } catch (RuntimeException e) {
            throw new DeliveryFailure("The destination's secrets cannot be decrypted with this server's key");
        }
        try {
            if (sender instanceof EmailSender && !EmailSender.ownServer(decoded)) {
                serverMail.sendFor(decoded, notification, notificationId);
                return;
            }
            sender.send(decoded, notification, notificationId);
        } catch (DeliveryFailure e) {
            throw new DeliveryFailure(masked(e.getMessage(), secretValues(sender, decoded)));
        } catch (RuntimeException e) {
            throw new DeliveryFailure(masked("Sending failed: " + e.getClass().getSimpleName() + " "
                    + e.getMessage(), secretValues(sender, decoded)));
        }
    }

    /** Whether subscriptions without a destination can be emailed ({@code sightline.mail.host} is set). */
    public boolean hasServerMail() {
        return serverMail.configured();
    }

    /**
     * Emails the subscriber (the notification's recipient) through the server's mail server.
     *
     * @throws DeliveryFailure as {@link #deliver}; the message never contains the mail server's password
     */
    public void deliverToSubscriber(Notification notification, long notificationId) throws DeliveryFailure {
        serverMail.send(notification, notificationId);
    }

    private static Collection<String> secretValues(DestinationSender sender, Map<String, Object> decoded) {
        return sender.fields().stream().filter(DestinationField::secret).map(f -> decoded.get(f.name()))
                .filter(v -> v instanceof String s && !s.isEmpty()).map(String::valueOf).toList();
    }

    static String masked(String text, Collection<String> secrets) {
        String out = text == null ? "" : text;
        for (String secret : secrets) {
            out = out.replace(secret, io.sightline.server.datasource.Secrets.MASK);
        }
        return out;
    }

    /** Encrypts every destination secret that a previous key encrypted again under the current key. */
    public Reencryption reencryptSecrets() {
        return Rewrites.run(repository::optionRows, secrets::reencrypted, repository::replaceOptions);
    }
}
