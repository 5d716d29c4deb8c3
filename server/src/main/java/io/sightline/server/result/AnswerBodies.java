package io.sightline.server.result;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * How an answer's body reaches the client. A {@link StreamingResponseBody} is written on another thread, which costs
 * the request an asynchronous dispatch: the answer passes Tomcat, the security filters and Spring's dispatcher a
 * second time (issue 10's profile: about a fifth of a small run's request CPU). Worth it for a large result, whose
 * memory it bounds; a result of at most one page is written into memory on the request thread instead, and sent with
 * its length. A failure while writing it is then still an error answer, not a cut-off 200.
 */
public final class AnswerBodies {

    private AnswerBodies() {
    }

    /** {@code body} for {@code result}: written now when the result fits one page, else streamed. */
    static ResponseEntity<?> of(ResponseEntity.BodyBuilder response, StoredResult result, StreamingResponseBody body) {
        return result.rowCount() <= result.pageSize() ? inline(response, body) : response.body(body);
    }

    /** {@code body} written now, on the request thread: for answers known to be small. */
    public static ResponseEntity<byte[]> inline(ResponseEntity.BodyBuilder response, StreamingResponseBody body) {
        var bytes = new ByteArrayOutputStream(1024);
        try {
            body.writeTo(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("A body written to memory failed", e); // a ByteArrayOutputStream never does
        }
        return response.body(bytes.toByteArray());
    }
}
