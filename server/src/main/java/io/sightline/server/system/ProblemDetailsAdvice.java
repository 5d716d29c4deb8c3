package io.sightline.server.system;

import jakarta.servlet.http.HttpServletRequest;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import org.springframework.web.util.DisconnectedClientHelper;

/**
 * The one place exceptions become HTTP answers: RFC 9457 problem details that also carry Redash's
 * {@code message} field. Client mistakes are answered and not logged as errors; anything unexpected
 * is logged once, here, with an id the user can quote, and never sent as a stack trace.
 */
@RestControllerAdvice
class ProblemDetailsAdvice {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);
    private static final int MAX_ECHOED_CHARS = 100;

    @ExceptionHandler(ApiException.class)
    ResponseEntity<ProblemDetail> api(ApiException e) {
        ResponseEntity<ProblemDetail> answer = problem(e.status(), e.getMessage());
        e.properties().forEach(answer.getBody()::setProperty);
        return answer;
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof RequestSizeLimit.TooLarge tooLarge) {
                return problem(HttpStatus.CONTENT_TOO_LARGE, tooLarge.getMessage());
            }
        }
        return problem(HttpStatus.BAD_REQUEST, JsonErrors.describe(e));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e) {
        return problem(HttpStatus.BAD_REQUEST, "Invalid value '" + shortened(e.getValue()) + "' for '" + e.getName() + "'");
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ResponseEntity<ProblemDetail> invalid(MethodArgumentNotValidException e) {
        String message = e.getBindingResult().getFieldErrors().stream()
                .map(error -> error.isBindingFailure() // a request parameter of the wrong type
                        ? "Invalid value '" + shortened(error.getRejectedValue()) + "' for '" + error.getField() + "'"
                        : error.getField() + ": " + error.getDefaultMessage())
                .reduce((a, b) -> a + "; " + b)
                .orElse("Invalid request");
        return problem(HttpStatus.BAD_REQUEST, message);
    }

    /** Not "No static resource": a client calling a path no endpoint serves is told so, by method and path. */
    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<ProblemDetail> noEndpoint(NoResourceFoundException e, HttpServletRequest request) {
        return problem(HttpStatus.NOT_FOUND, "No such endpoint: " + request.getMethod() + " "
                + shortened(request.getRequestURI()));
    }

    /**
     * Spring's own web errors (405, 415, missing parameter...) keep their status and text. A client that went away
     * mid-answer (closed tab, cancelled download, timeout) is no server error: logged at debug, and nothing is
     * written, since nobody is there to read it.
     */
    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> other(Exception e, HttpServletRequest request) {
        if (MetadataOutage.causedBy(e)) { // the store's background check logs the outage, once
            return MetadataOutage.answer();
        }
        if (DisconnectedClientHelper.isClientDisconnectedException(e)) {
            log.debug("Client went away during {} {}: {}", request.getMethod(), request.getRequestURI(), e.toString());
            return null;
        }
        if (e instanceof ErrorResponse error) {
            String detail = error.getBody().getDetail();
            return problem(error.getStatusCode(), detail != null ? detail : e.getMessage());
        }
        String incident = UUID.randomUUID().toString().substring(0, 8);
        log.error("Unexpected error {} on {} {}", incident, request.getMethod(), request.getRequestURI(), e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR,
                "Internal server error (incident " + incident + "); the server log has the details");
    }

    /** A value a client sent, echoed at most {@value #MAX_ECHOED_CHARS} characters long. */
    private static String shortened(Object value) {
        String text = String.valueOf(value);
        return text.length() <= MAX_ECHOED_CHARS ? text : text.substring(0, MAX_ECHOED_CHARS) + "...";
    }

    static ResponseEntity<ProblemDetail> problem(HttpStatusCode status, String message) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(status, message);
        body.setProperty("message", message);
        return ResponseEntity.status(status).body(body);
    }
}
