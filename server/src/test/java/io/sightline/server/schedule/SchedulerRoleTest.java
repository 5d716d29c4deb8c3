package io.sightline.server.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/** Only processes of role all (the default) and scheduler enqueue scheduled refreshes. */
class SchedulerRoleTest {

    @Configuration(proxyBeanMethods = false)
    @Conditional(SchedulerRole.class)
    static class SchedulerOnly {
        @Bean
        String schedulerRuns() {
            return "yes";
        }
    }

    @ParameterizedTest
    @CsvSource({"all, true", "scheduler, true", "SCHEDULER, true", "api, false", "worker, false"})
    void schedulerRunsInRolesAllAndScheduler(String role, boolean runs) {
        new ApplicationContextRunner().withPropertyValues("sightline.role=" + role)
                .withUserConfiguration(SchedulerOnly.class)
                .run(context -> assertThat(context.containsBean("schedulerRuns")).isEqualTo(runs));
    }

    @Test
    void schedulerRunsWhenNoRoleIsSet() {
        new ApplicationContextRunner().withUserConfiguration(SchedulerOnly.class)
                .run(context -> assertThat(context.containsBean("schedulerRuns")).isTrue());
    }
}
