package io.sightline.server.system;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The metadata store failing inside a filter (authentication looks every API key and session user up there) never
 * reaches {@link ProblemDetailsAdvice}: without this, the container would answer a bare 500. Sits just outside
 * Spring Security's filters.
 */
@Configuration(proxyBeanMethods = false)
class MetadataOutageFilter {

    /** Spring Security's filter chain runs at -100 (its default order); this wraps it. */
    private static final int OUTSIDE_SECURITY = -101;

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> metadataOutageAnswer() {
        var registration = new FilterRegistrationBean<OncePerRequestFilter>(new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                try {
                    chain.doFilter(request, response);
                } catch (RuntimeException | ServletException e) {
                    if (!MetadataOutage.causedBy(e) || response.isCommitted()) {
                        throw e;
                    }
                    response.resetBuffer();
                    response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
                    response.setHeader(HttpHeaders.RETRY_AFTER, MetadataOutage.RETRY_AFTER_SECONDS);
                    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
                    response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Service Unavailable\","
                            + "\"status\":503,\"detail\":\"" + MetadataOutage.MESSAGE + "\",\"message\":\""
                            + MetadataOutage.MESSAGE + "\"}");
                }
            }
        });
        registration.setOrder(OUTSIDE_SECURITY);
        return registration;
    }
}
