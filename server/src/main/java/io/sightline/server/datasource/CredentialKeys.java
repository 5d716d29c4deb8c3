package io.sightline.server.datasource;

import io.sightline.server.system.ServerSecret;
import io.sightline.server.system.SightlineProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Where the credential key comes from: {@code sightline.secret-key} (any string, stretched with PBKDF2 so that
 * every server configured with the same string derives the same key), or else a random key kept in
 * {@code <data dir>/secret.key}, created readable by the owner only and reused on every later start.
 */
@Configuration(proxyBeanMethods = false)
class CredentialKeys {

    static final String KEY_FILE = "secret.key";
    private static final Logger log = LoggerFactory.getLogger(CredentialKeys.class);
    private static final int KEY_BYTES = 32;
    // A fixed salt: the key must be reproducible from the passphrase alone on every replica.
    private static final byte[] SALT = "io.sightline.datasource.credentials.v1".getBytes(StandardCharsets.UTF_8);
    private static final int ITERATIONS = 600_000;
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    /**
     * The server's key, and the previous ones: those of {@code sightline.previous-secret-keys}
     * (SIGHTLINE_PREVIOUS_SECRET_KEYS, during a rotation), and the generated key file when a passphrase replaced it.
     */
    @Bean
    ServerSecret serverSecret(SightlineProperties properties, Environment environment) {
        String secret = properties.secretKey();
        boolean passphrase = secret != null && !secret.isBlank();
        Path keyFile = properties.dataDir().resolve(KEY_FILE);
        List<byte[]> previous = new ArrayList<>();
        previousPassphrases(environment.getProperty("sightline.previous-secret-keys", ""))
                .forEach(old -> previous.add(fromPassphrase(old)));
        if (passphrase && Files.isRegularFile(keyFile)) {
            try {
                previous.add(read(keyFile));
            } catch (IOException | IllegalStateException e) {
                log.warn("The old credential key file {} cannot be read: values it encrypted will not decrypt", keyFile);
            }
        }
        return new ServerSecret(passphrase ? fromPassphrase(secret.trim()) : fromKeyFile(keyFile), previous);
    }

    /**
     * Credentials are encrypted with the server's key itself, as before other uses derived keys from it, and
     * decrypted with it or with a previous key.
     */
    @Bean
    CredentialCipher credentialCipher(ServerSecret secret) {
        List<byte[]> previous = secret.previousCredentialKeys();
        if (!previous.isEmpty()) {
            log.info("{} previous secret key(s) decrypt stored credentials, and verify links signed before the"
                    + " rotation, until `./sightline rotate-secret-key` has encrypted them all again under the"
                    + " current key and the previous keys are removed", previous.size());
        }
        return new CredentialCipher(secret.credentialKey(), previous);
    }

    /** One passphrase a line when the value has several lines (a file), else separated by commas. */
    static List<String> previousPassphrases(String value) {
        String separator = value.contains("\n") ? "\\R" : ",";
        return Arrays.stream(value.split(separator)).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    static byte[] fromPassphrase(String passphrase) {
        try {
            var spec = new PBEKeySpec(passphrase.toCharArray(), SALT, ITERATIONS, KEY_BYTES * 8);
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is not available in this JVM", e);
        }
    }

    /** Reads the key file, or creates it with a new random key when there is none. */
    static byte[] fromKeyFile(Path file) {
        try {
            if (!Files.exists(file)) {
                try {
                    return create(file);
                } catch (FileAlreadyExistsException e) {
                    // another process created it first: use theirs
                }
            }
            return read(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the credential key file " + file, e);
        }
    }

    private static byte[] create(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        byte[] key = new byte[KEY_BYTES];
        new SecureRandom().nextBytes(key);
        boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        FileAttribute<?>[] attributes = posix
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY)}
                : new FileAttribute<?>[0];
        try (SeekableByteChannel channel = Files.newByteChannel(file,
                Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), attributes)) {
            channel.write(ByteBuffer.wrap(key));
        }
        log.info("Created the credential key file {}: back it up with the metadata database,"
                + " or set SIGHTLINE_SECRET_KEY instead", file);
        return key;
    }

    private static byte[] read(Path file) throws IOException {
        byte[] key = Files.readAllBytes(file);
        if (key.length != KEY_BYTES) {
            throw new IllegalStateException("The credential key file " + file + " must hold exactly " + KEY_BYTES
                    + " bytes, it holds " + key.length);
        }
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")
                && !OWNER_ONLY.containsAll(Files.getPosixFilePermissions(file))) {
            log.warn("The credential key file {} is readable by other users: chmod 600 it", file);
        }
        return key;
    }
}
