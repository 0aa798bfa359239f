package io.epewatch.kernel.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Guards what comes in before anything parses it, so that bad input is refused as such (400, 413, 415 problem+json)
 * rather than failing deep inside with a 500:
 * <ul>
 *   <li>a Content-Type that is a wildcard ({@code *&#47;*}) names no format: 415;</li>
 *   <li>an API body over the size limit: 413 (JSON: {@code epewatch.api.max-body-size}; CSV, XML and other text:
 *       {@code epewatch.api.max-import-size});</li>
 *   <li>a JSON body that is not valid UTF-8: 400, instead of replacement characters stored;</li>
 *   <li>a NUL character (U+0000), raw or as the JSON escape, in a text body or in any parameter: 400 — PostgreSQL
 *       cannot store it in text, and no field of ours has a use for it.</li>
 * </ul>
 * Multipart bodies (pictures) are checked by their own parser.
 */
@Component
class RequestBodyGuard extends OncePerRequestFilter {

    private final long maxJsonBytes;
    private final long maxImportBytes;
    private final JsonMapper json;

    RequestBodyGuard(@Value("${epewatch.api.max-body-size:1MB}") DataSize maxBodySize,
                     @Value("${epewatch.api.max-import-size:10MB}") DataSize maxImportSize, JsonMapper json) {
        this.maxJsonBytes = maxBodySize.toBytes();
        this.maxImportBytes = maxImportSize.toBytes();
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String type = request.getContentType() == null ? "" : request.getContentType().toLowerCase(Locale.ROOT);
        String mediaType = type.split(";")[0].strip();
        if (mediaType.contains("*")) {
            reject(response, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type", "Content-Type",
                    "is a wildcard (" + mediaType + "); name the format of the body, such as application/json");
            return;
        }
        if (mediaType.startsWith("multipart/") && !multipartReadable(request)) {
            reject(response, HttpStatus.BAD_REQUEST, "Invalid input", "body",
                    "is not a complete multipart message (boundary missing or body cut short)");
            return;
        }
        String parameter = parameterWithNul(request, mediaType);
        if (parameter != null) {
            reject(response, HttpStatus.BAD_REQUEST, "Invalid input", parameter, NUL_REASON);
            return;
        }
        if (!request.getRequestURI().startsWith("/api/") || !textual(mediaType)) {
            chain.doFilter(request, response);
            return;
        }
        boolean isJson = mediaType.contains("json");
        long max = isJson ? maxJsonBytes : maxImportBytes;
        byte[] body = request.getInputStream().readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
        if (body.length > max) {
            reject(response, HttpStatus.CONTENT_TOO_LARGE, "Payload too large", "body", "is larger than " + max + " bytes");
            return;
        }
        if (isJson) {
            String text;
            try {
                text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
            } catch (CharacterCodingException e) {
                reject(response, HttpStatus.BAD_REQUEST, "Invalid input", "body", "is not valid UTF-8; send JSON encoded as UTF-8");
                return;
            }
            if (jsonHasNul(text)) {
                reject(response, HttpStatus.BAD_REQUEST, "Invalid input", "body", NUL_REASON);
                return;
            }
        } else if (containsZeroByte(body)) {
            reject(response, HttpStatus.BAD_REQUEST, "Invalid input", "body", NUL_REASON);
            return;
        }
        chain.doFilter(new CachedBody(request, body), response);
    }

    private static final String NUL_REASON = "contains a NUL character (U+0000), which no field may hold";

    /** Whether the container can take the multipart body apart (parsed once; the parts stay with the request). */
    private static boolean multipartReadable(HttpServletRequest request) {
        try {
            request.getParts();
            return true;
        } catch (IOException | ServletException | IllegalStateException e) {
            return false;
        }
    }

    /** Bodies we read whole: JSON, XML, CSV and plain text; multipart and form bodies are parsed by the container. */
    private static boolean textual(String mediaType) {
        return mediaType.contains("json") || mediaType.contains("xml") || mediaType.contains("csv") || mediaType.startsWith("text/");
    }

    /** The first parameter (query string, or form fields) whose name or value holds a NUL, or null. */
    private static String parameterWithNul(HttpServletRequest request, String mediaType) {
        if (mediaType.startsWith("multipart/")) {
            String query = request.getQueryString();
            return query != null && query.toLowerCase(Locale.ROOT).contains("%00") ? "query" : null;
        }
        for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
            if (parameter.getKey().indexOf('\0') >= 0) {
                return "parameters";
            }
            for (String value : parameter.getValue()) {
                if (value != null && value.indexOf('\0') >= 0) {
                    return parameter.getKey();
                }
            }
        }
        return null;
    }

    /** A NUL in JSON text: a raw one, or the escape backslash-u-0000 (not an escaped backslash followed by u0000). */
    static boolean jsonHasNul(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == 0) {
                return true;
            }
            if (c == '\\' && i + 1 < text.length()) {
                if (text.charAt(i + 1) == 'u' && text.startsWith("0000", i + 2)) {
                    return true;
                }
                i++; // the escaped character
            }
        }
        return false;
    }

    private static boolean containsZeroByte(byte[] body) {
        for (byte b : body) {
            if (b == 0) {
                return true;
            }
        }
        return false;
    }

    private void reject(HttpServletResponse response, HttpStatus status, String title, String field, String reason)
            throws IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, field + " " + reason);
        problem.setTitle(title);
        problem.setProperty("errors", java.util.List.of(java.util.Map.of("field", field, "reason", reason)));
        response.setStatus(status.value());
        response.setContentType("application/problem+json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(json.writeValueAsString(problem));
    }

    /** The request with its body already read, so the message converters can read it again. */
    private static final class CachedBody extends HttpServletRequestWrapper {

        private final byte[] body;

        CachedBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() throws IOException {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("synchronous reads only");
                }
            };
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
