package io.sightline.server.secret;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * What a data source's secret may refer to (decision 0048): a data source editor must not read the server's other
 * environment variables or files through it.
 *
 * @param envPrefix   {@code env:} references must name a variable starting with this
 * @param directories {@code file:} references must resolve (symbolic links followed) to a file under one of these
 */
@ConfigurationProperties("sightline.secret-references")
@Validated
public record SecretReferenceProperties(@NotBlank String envPrefix, @NotNull List<Path> directories) {
}
