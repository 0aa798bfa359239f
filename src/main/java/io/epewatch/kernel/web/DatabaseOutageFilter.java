package io.epewatch.kernel.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import io.epewatch.kernel.database.DatabaseAvailability;
import io.epewatch.kernel.database.DatabaseAway;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * While the database is away every request that needs it is answered 503 at once — problem+json on the API, a page
 * that reloads itself for people — instead of waiting for a connection and failing with 500. Health and static files
 * are still served. Runs before security, whose token and session checks read the database too.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class DatabaseOutageFilter extends OncePerRequestFilter {

    static final String RETRY_AFTER_SECONDS = "5";

    private final DatabaseAvailability availability;
    private final JsonMapper json;

    DatabaseOutageFilter(DatabaseAvailability availability, JsonMapper json) {
        this.availability = availability;
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/actuator/") || path.startsWith("/css/") || path.startsWith("/js/")
                || path.startsWith("/webjars/") || path.equals("/favicon.ico");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!availability.available()) {
            refuse(request, response, "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod()) ? unreadable() : problem());
            return;
        }
        try {
            chain.doFilter(request, response);
        } catch (RuntimeException | ServletException e) {
            // the database went away during the request, before the probe noticed: still nothing was committed
            if (!DatabaseAway.causedBy(e) || response.isCommitted()) {
                throw e;
            }
            response.resetBuffer();
            refuse(request, response, interrupted());
        }
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, ProblemDetail problem) throws IOException {
        response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
        response.setHeader("Retry-After", RETRY_AFTER_SECONDS);
        response.setHeader("Cache-Control", "no-store");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.startsWith("/api/")) {
            response.setContentType("application/problem+json");
            response.getWriter().write(json.writeValueAsString(problem));
        } else {
            response.setContentType("text/html");
            response.getWriter().write(PAGE);
        }
    }

    /** Refused up front: the database was known to be away, so nothing of the request was stored. */
    static ProblemDetail problem() {
        return unavailable("The database is unavailable; nothing of this request was stored. Retry in a few seconds "
                + "(with the same Idempotency-Key).");
    }

    /** A read while the database is away: nothing to say about storing. */
    static ProblemDetail unreadable() {
        return unavailable("The database is unavailable; EPE Watch is bringing it back. Retry in a few seconds.");
    }

    /** The database went away during the request: whether its commit reached the disk is unknown. */
    static ProblemDetail interrupted() {
        return unavailable("The database went away during this request, which did not complete. Send it again in a few "
                + "seconds with the same Idempotency-Key: a request that was stored after all is recognised, not stored twice.");
    }

    static ProblemDetail unavailable(String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, detail);
        problem.setTitle("Service unavailable");
        return problem;
    }

    private static final String PAGE = """
            <!DOCTYPE html>
            <html lang="vi"><head><meta charset="utf-8"><meta http-equiv="refresh" content="5">
            <title>EPE Watch — tạm thời gián đoạn / temporarily unavailable</title></head>
            <body style="font-family: sans-serif; margin: 3em">
            <h1>Cơ sở dữ liệu tạm thời không truy cập được</h1>
            <p>EPE Watch đang khởi động lại cơ sở dữ liệu. Trang sẽ tự tải lại sau vài giây; không dữ liệu nào đã lưu bị mất.</p>
            <h2 lang="en">The database is temporarily unavailable</h2>
            <p lang="en">EPE Watch is bringing its database back. This page reloads itself in a few seconds; nothing already
            saved is lost.</p>
            </body></html>
            """;
}
