package io.sightline.server.snippet;

import java.time.OffsetDateTime;

/** A row of {@code query_snippets}. */
record SnippetRow(long id, String trigger, String description, String snippet, long userId,
                  OffsetDateTime createdAt, OffsetDateTime updatedAt) {
}
