package io.sightline.server.schedule;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** {@code sightline.role} is all (default) or scheduler: this process enqueues due scheduled refreshes. */
public final class SchedulerRole implements Condition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        String role = context.getEnvironment().getProperty("sightline.role", "all").strip();
        return role.equalsIgnoreCase("all") || role.equalsIgnoreCase("scheduler");
    }
}
