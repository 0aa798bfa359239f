package io.epewatch.camera.connector;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns JavaCV's "avformat_open_input() error -111: Could not open input ..." into a kind and a plain reason. */
final class FfmpegErrors {

    private static final Pattern CODE = Pattern.compile("error (-?\\d+)");
    /** AVERROR_HTTP_UNAUTHORIZED, AVERROR_HTTP_FORBIDDEN, AVERROR_HTTP_NOT_FOUND, AVERROR_INVALIDDATA. */
    private static final int UNAUTHORIZED = -825242872;
    private static final int FORBIDDEN = -858797304;
    private static final int NOT_FOUND = -875574520;
    private static final int INVALID_DATA = -1094995529;
    /** AVERROR_HTTP_BAD_REQUEST: servers that do not do the transport asked for answer the SETUP with 400. */
    private static final int BAD_REQUEST = -808465656;
    /** AVERROR(EPROTONOSUPPORT): FFmpeg's word for an RTSP 461 "Unsupported Transport" to the only transport allowed. */
    private static final int PROTOCOL_NOT_SUPPORTED = -93;

    private FfmpegErrors() {
    }

    static CameraFailure failure(String message, io.epewatch.registry.RtspTransport over) {
        Matcher m = CODE.matcher(message);
        int code = m.find() ? Integer.parseInt(m.group(1)) : 0;
        return switch (code) {
            case PROTOCOL_NOT_SUPPORTED -> new CameraFailure(CameraFailure.Kind.TRANSPORT_REFUSED, "the camera refused RTSP over " + over
                    + " (RTSP 461 Unsupported Transport); set the camera's transport to " + (over == io.epewatch.registry.RtspTransport.TCP ? "UDP" : "TCP")
                    + " or automatic");
            case BAD_REQUEST -> new CameraFailure(CameraFailure.Kind.TRANSPORT_REFUSED, "the camera answered RTSP 400 Bad Request over " + over
                    + "; servers answer so to a transport they do not do: try " + (over == io.epewatch.registry.RtspTransport.TCP ? "UDP" : "TCP")
                    + " or automatic");
            case -111 -> new CameraFailure(CameraFailure.Kind.UNREACHABLE, "the stream's port refused the connection");
            case -113, -101 -> new CameraFailure(CameraFailure.Kind.UNREACHABLE, "no route to the camera");
            case -110 -> new CameraFailure(CameraFailure.Kind.TIMEOUT, "the camera did not answer in time");
            case UNAUTHORIZED -> new CameraFailure(CameraFailure.Kind.UNAUTHORIZED, "the camera refused the account (RTSP 401)");
            case FORBIDDEN -> new CameraFailure(CameraFailure.Kind.UNAUTHORIZED, "the camera forbids this stream (RTSP 403)");
            case NOT_FOUND -> new CameraFailure(CameraFailure.Kind.BAD_ANSWER, "the camera has no stream at this address (RTSP 404)");
            case INVALID_DATA -> new CameraFailure(CameraFailure.Kind.BAD_ANSWER, "the camera's answer is not a stream FFmpeg can read");
            default -> new CameraFailure(CameraFailure.Kind.UNREACHABLE, "the stream could not be opened: "
                    + message.replaceAll("\\s*\\(Has setFormat\\(\\) been called\\?\\).*", ""));
        };
    }
}
