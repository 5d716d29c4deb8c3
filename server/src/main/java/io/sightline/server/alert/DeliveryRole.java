package io.sightline.server.alert;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** {@code sightline.role} is all (default) or worker: this process delivers alert notifications. */
final class DeliveryRole implements Condition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        String role = context.getEnvironment().getProperty("sightline.role", "all").strip();
        return role.equalsIgnoreCase("all") || role.equalsIgnoreCase("worker");
    }
}
