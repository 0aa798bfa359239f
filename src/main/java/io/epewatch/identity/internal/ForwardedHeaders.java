package io.epewatch.identity.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.servlet.ServletException;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.RemoteIpValve;
import org.apache.catalina.valves.ValveBase;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * X-Forwarded-For and X-Forwarded-Proto are believed only from the reverse proxies named in
 * {@code epewatch.security.trusted-proxies} (none by default): from anyone else they are just text, recorded in the
 * audit trail but never taken for the client's address, so they can neither dodge the sign-in throttle nor lock
 * somebody else out. The TCP peer is kept aside before any header is applied.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class ForwardedHeaders {

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> trustedProxiesOnly(SecurityProperties properties) {
        String proxies = proxiesPattern(properties.trustedProxies());
        return factory -> {
            factory.addEngineValves(new PeerAddress());
            if (!proxies.isEmpty()) {
                RemoteIpValve remoteIp = new RemoteIpValve();
                remoteIp.setInternalProxies(proxies);
                remoteIp.setTrustedProxies("");
                remoteIp.setRemoteIpHeader("X-Forwarded-For");
                remoteIp.setProtocolHeader("X-Forwarded-Proto");
                factory.addEngineValves(remoteIp);
            }
        };
    }

    /** The configured addresses as Tomcat's pattern of exact addresses; a host name is refused (no DNS at start-up). */
    static String proxiesPattern(Set<String> proxies) {
        return proxies.stream().map(String::strip).filter(p -> !p.isEmpty()).map(ForwardedHeaders::literal)
                .map(Pattern::quote).collect(Collectors.joining("|"));
    }

    private static String literal(String address) {
        if (!address.matches("[0-9.]+|[0-9A-Fa-f:]*:[0-9A-Fa-f:.]*")) {
            throw new IllegalArgumentException("epewatch.security.trusted-proxies: '" + address
                    + "' is not an IP address (name each proxy by its address, no host names)");
        }
        try {
            return InetAddress.getByName(address).getHostAddress(); // a literal: no lookup; the form Tomcat reports
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("epewatch.security.trusted-proxies: '" + address + "' is not an IP address", e);
        }
    }

    /** Notes the TCP peer and the forwarded chain as sent before RemoteIpValve may replace the request's remote address with a forwarded one. */
    static final class PeerAddress extends ValveBase {

        PeerAddress() {
            super(true);
        }

        @Override
        public void invoke(Request request, Response response) throws IOException, ServletException {
            request.setAttribute(ClientAddress.PEER_ATTRIBUTE, request.getRemoteAddr());
            String chain = request.getHeader("X-Forwarded-For"); // RemoteIpValve removes what it consumed
            if (chain != null) {
                request.setAttribute(ClientAddress.CHAIN_ATTRIBUTE, chain);
            }
            getNext().invoke(request, response);
        }
    }
}
