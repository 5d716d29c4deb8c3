package io.sightline.desktop.connection;

/** How the user signs in to a server. Whatever the kind, the workbench then works with the user's API key. */
public enum LoginKind {
    /** Email and password; the server hands back the user's own API key. */
    PASSWORD,
    /** The API key itself, from the user's profile page. */
    API_KEY,
    /** Single sign-on in the system browser; the browser brings a one-time code back, traded for the user's key. */
    SSO
}
