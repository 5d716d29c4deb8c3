package io.sightline.server.auth;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.MediaType;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.stereotype.Component;

/** Answers unauthenticated API calls with a problem detail that says how to authenticate. */
@Component
class AuthenticationEntryPoint401 implements AuthenticationEntryPoint {

    static final String HOW = "Authentication required: send 'Authorization: Key <api key>' (?api_key=<key> on result reads),"
            + " or log in with POST /login";

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        reject(response, HOW);
    }

    void reject(HttpServletResponse response, String message) throws IOException {
        write(response, HttpServletResponse.SC_UNAUTHORIZED, "Unauthorized", message);
    }

    /** 403 in the same shape, for a caller who is known but may not make this request at all. */
    void forbid(HttpServletResponse response, String message) throws IOException {
        write(response, HttpServletResponse.SC_FORBIDDEN, "Forbidden", message);
    }

    private static void write(HttpServletResponse response, int status, String title, String message) throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status + ","
                + "\"detail\":" + quote(message) + ",\"message\":" + quote(message) + "}");
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
