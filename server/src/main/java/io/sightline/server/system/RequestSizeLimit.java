package io.sightline.server.system;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * No request body larger than {@code sightline.limits.max-request-size} is read, before authentication or any
 * parsing: a declared {@code Content-Length} above it is answered 413 at once; a body sent without one (chunked)
 * is counted as it is read and fails with {@link TooLarge}, which {@link ProblemDetailsAdvice} answers with 413.
 */
@Configuration(proxyBeanMethods = false)
class RequestSizeLimit {

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> requestSizeLimitFilter(LimitsProperties limits) {
        long max = limits.maxRequestSize().toBytes();
        var registration = new FilterRegistrationBean<OncePerRequestFilter>(new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                long declared = request.getContentLengthLong();
                if (declared > max) {
                    response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
                    response.setContentType("application/problem+json");
                    response.setHeader("Connection", "close"); // the body is not read
                    response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Content Too Large\",\"status\":413,"
                            + "\"message\":\"" + message(declared, limits) + "\",\"detail\":\"" + message(declared, limits) + "\"}");
                    return;
                }
                chain.doFilter(declared >= 0 ? request : new Limited(request, max, limits), response);
            }
        });
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        registration.addUrlPatterns("/*");
        return registration;
    }

    static String message(long size, LimitsProperties limits) {
        return (size >= 0 ? "The request body is " + LimitsProperties.count(size) + " bytes" : "The request body is larger")
                + "; the limit is " + LimitsProperties.bytes(limits.maxRequestSize())
                + " (sightline.limits.max-request-size, SIGHTLINE_MAX_REQUEST_SIZE)";
    }

    /** Reading past the limit of a body sent without a length. */
    static final class TooLarge extends IOException {
        TooLarge(String message) {
            super(message);
        }
    }

    /** The request with its body counted as it is read. */
    private static final class Limited extends HttpServletRequestWrapper {

        private final long max;
        private final LimitsProperties limits;
        private ServletInputStream stream;

        Limited(HttpServletRequest request, long max, LimitsProperties limits) {
            super(request);
            this.max = max;
            this.limits = limits;
        }

        @Override
        public synchronized ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new Counting(super.getInputStream());
            }
            return stream;
        }

        @Override
        public BufferedReader getReader() throws IOException {
            String encoding = getCharacterEncoding();
            Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
            return new BufferedReader(new InputStreamReader(getInputStream(), charset));
        }

        private final class Counting extends ServletInputStream {

            private final ServletInputStream in;
            private long read;

            Counting(ServletInputStream in) {
                this.in = in;
            }

            @Override
            public int read() throws IOException {
                int b = in.read();
                if (b >= 0) {
                    count(1);
                }
                return b;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                int n = in.read(buffer, offset, length);
                if (n > 0) {
                    count(n);
                }
                return n;
            }

            private void count(int n) throws TooLarge {
                read += n;
                if (read > max) {
                    throw new TooLarge(message(-1, limits));
                }
            }

            @Override
            public boolean isFinished() {
                return in.isFinished();
            }

            @Override
            public boolean isReady() {
                return in.isReady();
            }

            @Override
            public void setReadListener(ReadListener listener) {
                in.setReadListener(listener);
            }
        }
    }
}
