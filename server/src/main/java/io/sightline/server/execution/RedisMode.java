package io.sightline.server.execution;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/** Which queue and job store this process uses: Redis when {@code sightline.redis-url} is set, else in-process. */
public final class RedisMode {

    private RedisMode() {
    }

    static boolean configured(ConditionContext context) {
        return StringUtils.hasText(context.getEnvironment().getProperty("sightline.redis-url"));
    }

    /** {@code sightline.role} is all (default) or worker: this process takes jobs off the Redis queue. */
    static boolean runsWorkers(ConditionContext context) {
        String role = context.getEnvironment().getProperty("sightline.role", "all").strip();
        return role.equalsIgnoreCase("all") || role.equalsIgnoreCase("worker");
    }

    public static final class On implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return configured(context);
        }
    }

    public static final class Off implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !configured(context);
        }
    }

    public static final class Workers implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return configured(context) && runsWorkers(context);
        }
    }
}
