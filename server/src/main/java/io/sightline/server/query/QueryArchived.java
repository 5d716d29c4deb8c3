package io.sightline.server.query;

/**
 * A saved query was archived, inside the archiving transaction: what shows it elsewhere goes (Redash removes its
 * widgets and alerts).
 */
public record QueryArchived(long queryId) {
}
