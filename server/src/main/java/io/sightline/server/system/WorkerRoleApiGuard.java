package io.sightline.server.system;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A {@code worker} or {@code scheduler} process serves health and metrics only: {@code /api/**} answers 404
 * there, before authentication, so a load balancer that sends API traffic to one by mistake fails loudly.
 */
@Configuration(proxyBeanMethods = false)
class WorkerRoleApiGuard {

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> workerRoleApiGuardFilter(SightlineProperties properties) {
        var registration = new FilterRegistrationBean<OncePerRequestFilter>(new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                String path = request.getRequestURI().substring(request.getContextPath().length());
                boolean noApi = properties.role() == SightlineProperties.Role.WORKER
                        || properties.role() == SightlineProperties.Role.SCHEDULER;
                if (noApi && (path.equals("/api") || path.startsWith("/api/"))) {
                    String role = properties.role().name().toLowerCase(java.util.Locale.ROOT);
                    response.setStatus(HttpServletResponse.SC_NOT_FOUND);
                    response.setContentType("application/problem+json");
                    response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Not Found\",\"status\":404,"
                            + "\"message\":\"This is a " + role + " process (role " + role + "): it serves no API, only "
                            + "/actuator/health and /actuator/prometheus\"}");
                    return;
                }
                chain.doFilter(request, response);
            }
        });
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        registration.addUrlPatterns("/*");
        return registration;
    }
}
