package io.sightline.server.auth;

import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.IndexResolver;
import org.springframework.session.Session;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;

/**
 * Browser sessions live in the metadata store (Spring Session JDBC, tables of migration V24), so a session made on
 * one API replica is good on every other and no load balancer needs sticky sessions (decision 0051). Each session is
 * indexed by its user as {@code user:<id>}, whatever way they signed in, so {@link UserSessions} can end all of a
 * user's sessions on every replica at once.
 */
@Configuration(proxyBeanMethods = false)
class SharedSessions {

    static final String PRINCIPAL_PREFIX = "user:";

    @Bean
    SessionRepositoryCustomizer<JdbcIndexedSessionRepository> indexSessionsByUser() {
        return repository -> repository.setIndexResolver(new ByUser());
    }

    /** The session's principal name: {@code user:<id>} of the signed-in Sightline user; none before sign-in. */
    static String principalName(long userId) {
        return PRINCIPAL_PREFIX + userId;
    }

    private static final class ByUser implements IndexResolver<Session> {
        @Override
        public Map<String, String> resolveIndexesFor(Session session) {
            Object context = session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
            if (context instanceof SecurityContext security && security.getAuthentication() != null
                    && security.getAuthentication().getPrincipal() instanceof SightlineUser user) {
                return Map.of(FindByIndexNameSessionRepository.PRINCIPAL_NAME_INDEX_NAME, principalName(user.id()));
            }
            return Map.of();
        }
    }
}
