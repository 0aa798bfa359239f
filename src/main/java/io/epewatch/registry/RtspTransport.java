package io.epewatch.registry;

/**
 * How a camera's RTSP stream is carried. Real servers differ: some refuse TCP-interleaved (RTSP 461), others block UDP
 * at a firewall. AUTO tries TCP, then UDP (issue 20).
 */
public enum RtspTransport {
    TCP, UDP, AUTO
}
