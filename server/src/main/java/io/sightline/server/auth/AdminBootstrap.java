package io.sightline.server.auth;

import io.sightline.server.system.SightlineProperties;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * First start: creates the admin user. Its API key is {@code SIGHTLINE_ADMIN_API_KEY} when set; otherwise
 * a generated one, written to {@code <data dir>/admin-api-key} readable only by the owner (never to the log,
 * which is often collected where more people can read it). Only the key's hash is stored.
 * Runs while the context starts (after the migrations), so the admin exists before the first request.
 */
@Component("adminBootstrap")
class AdminBootstrap implements InitializingBean {

    static final String KEY_FILE = "admin-api-key";
    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

    private final UserRepository users;
    private final SightlineProperties properties;
    private final PasswordEncoder passwords;
    private final TransactionTemplate transaction;

    AdminBootstrap(UserRepository users, SightlineProperties properties, PasswordEncoder passwords,
                   TransactionTemplate transaction) {
        this.users = users;
        this.properties = properties;
        this.passwords = passwords;
        this.transaction = transaction;
    }

    @Override
    public void afterPropertiesSet() throws IOException {
        if (properties.role() == SightlineProperties.Role.WORKER || users.count() > 0) {
            return;
        }
        boolean generated = blank(properties.adminApiKey());
        String key = generated ? ApiKeys.generate() : properties.adminApiKey().trim();
        String password = blank(properties.adminPassword()) ? null : passwords.encode(properties.adminPassword());
        try {
            transaction.executeWithoutResult(status -> {
                // with a key only, the admin is no invitation: a password comes through a reset link, if ever
                long id = users.insert("Admin", properties.adminEmail(), password, ApiKeys.hash(key), false);
                users.addToGroup(id, "admin");
                users.addToGroup(id, "default");
            });
        } catch (DuplicateKeyException e) {
            // several processes of a new installation start at once (api and scheduler pods): one of them made it
            log.info("The admin user {} was created by another process", properties.adminEmail());
            return;
        }
        if (generated) {
            Path file = writeKeyFile(properties.dataDir(), key);
            log.warn("Created the admin user {}; its API key is in {} (readable by this account only)",
                    properties.adminEmail(), file);
        } else {
            log.info("Created the admin user {} with the API key from SIGHTLINE_ADMIN_API_KEY", properties.adminEmail());
        }
    }

    private static Path writeKeyFile(Path dataDir, String key) throws IOException {
        Files.createDirectories(dataDir);
        Path file = dataDir.resolve(KEY_FILE);
        Files.deleteIfExists(file);
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(file, key + System.lineSeparator());
        return file;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
