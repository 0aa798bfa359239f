package io.epewatch.registry;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Set;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * SSRF guard for camera URLs: the server connects to what people type, so a camera may not point at this machine
 * (loopback), link-local or cloud-metadata addresses, or multicast/unspecified ones, unless
 * {@code epewatch.camera.allow-local-addresses} is set (simulated cameras on 127.0.0.1 in the demo), or the address is
 * loopback and its port is in {@code epewatch.camera.allowed-loopback-ports} (a range such as 18600-18999: cameras
 * reached through a local tunnel to the EPE's network, or the tests' simulated cameras).
 * Private ranges stay allowed: cameras live behind VPNs. Names are checked as written here; the connectors check the
 * addresses they resolve again at connect time (DNS can change).
 */
@Component
public class CameraAddressGuard {

    private static final Set<String> FORBIDDEN_NAMES = Set.of("localhost", "metadata.google.internal", "metadata", "instance-data");

    private final boolean allowLocal;
    private final int firstLoopbackPort;
    private final int lastLoopbackPort;

    CameraAddressGuard(@Value("${epewatch.camera.allow-local-addresses:false}") boolean allowLocal,
                       @Value("${epewatch.camera.allowed-loopback-ports:}") String loopbackPorts) {
        this.allowLocal = allowLocal;
        if (loopbackPorts == null || loopbackPorts.isBlank()) {
            firstLoopbackPort = -1;
            lastLoopbackPort = -1;
        } else if (loopbackPorts.strip().matches("\\d{1,5}(-\\d{1,5})?")) {
            String[] range = loopbackPorts.strip().split("-");
            firstLoopbackPort = Integer.parseInt(range[0]);
            lastLoopbackPort = Integer.parseInt(range[range.length - 1]);
        } else {
            throw new IllegalStateException("epewatch.camera.allowed-loopback-ports must be a port or a range such as 18600-18999, not "
                    + loopbackPorts);
        }
    }

    /** Why this camera URL may not be used, as written (at registration), or null when it may. */
    public String refusal(URI url) {
        return refusal(url.getHost(), port(url));
    }

    /** As {@link #refusal(String)}, with the port: a loopback port in the allowed range passes. */
    private String refusal(String host, int port) {
        String refusal = refusal(host);
        return refusal != null && refusal.contains("loopback") && port >= firstLoopbackPort && port <= lastLoopbackPort ? null : refusal;
    }

    /**
     * At connect time: resolves the name and checks every address it resolves to, so a camera name that DNS points at
     * this server (or a snapshot address a camera hands back over ONVIF) is refused too. Null when it may be used.
     */
    public String refusalAtConnect(URI url) {
        if (allowLocal) {
            return null;
        }
        String host = url.getHost();
        int port = port(url);
        String written = refusal(host, port);
        if (written != null) {
            return written;
        }
        try {
            for (InetAddress address : InetAddress.getAllByName(host.replaceAll("^\\[|]$", ""))) {
                String resolved = refusal(address.getHostAddress(), port);
                if (resolved != null) {
                    return "resolves to " + address.getHostAddress() + ", which " + resolved.replaceFirst("^is ", "is ");
                }
            }
            return null;
        } catch (UnknownHostException e) {
            return null; // the connector reports the unknown name as unreachable
        }
    }

    /** The URL's port, or its scheme's default. */
    private static int port(URI url) {
        return url.getPort() >= 0 ? url.getPort() : switch (url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT)) {
            case "https" -> 443;
            case "rtsp" -> 554;
            case "rtsps" -> 322;
            default -> 80;
        };
    }

    /** Why the host may not be used for a camera, or null when it may. */
    String refusal(String host) {
        if (allowLocal) {
            return null;
        }
        String name = host.toLowerCase(Locale.ROOT).replaceAll("^\\[|]$", "");
        if (FORBIDDEN_NAMES.contains(name) || name.endsWith(".localhost")) {
            return "points at this server or a metadata service, which a camera URL may not";
        }
        if (!name.matches("[0-9.]+|[0-9a-f:.]+") || !name.matches(".*[.:].*")) {
            return null;
        }
        try {
            InetAddress address = InetAddress.getByName(name);
            if (address.isLoopbackAddress() || address.isAnyLocalAddress()) {
                return "is a loopback address (this server), which a camera URL may not be";
            }
            if (address.isLinkLocalAddress() || name.equals("169.254.169.254") || name.startsWith("fd00:ec2::")) {
                return "is a link-local or cloud-metadata address, which a camera URL may not be";
            }
            if (address.isMulticastAddress()) {
                return "is a multicast address";
            }
            return null;
        } catch (UnknownHostException e) {
            return "is not a valid address";
        }
    }
}
