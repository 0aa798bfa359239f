package io.epewatch.identity.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Who is at the other end of a request: the TCP peer (taken before any proxy header is applied, by
 * {@link ForwardedHeaders}), the X-Forwarded-For chain as sent (anyone can send one), and the client we believe —
 * the peer, unless the peer is a configured trusted proxy whose header then names the client.
 */
record ClientAddress(String peer, String forwardedFor, String client) {

    static final String PEER_ATTRIBUTE = "io.epewatch.identity.peer";
    static final String CHAIN_ATTRIBUTE = "io.epewatch.identity.forwarded-for";
    private static final int LONGEST_CHAIN = 200;

    static ClientAddress of(HttpServletRequest request) {
        String peer = request.getAttribute(PEER_ATTRIBUTE) instanceof String tcp ? tcp : request.getRemoteAddr();
        String chain = request.getAttribute(CHAIN_ATTRIBUTE) instanceof String sent ? sent : request.getHeader("X-Forwarded-For");
        if (chain != null && chain.length() > LONGEST_CHAIN) {
            chain = chain.substring(0, LONGEST_CHAIN) + "…";
        }
        return new ClientAddress(peer, chain, request.getRemoteAddr());
    }

    /** For the audit trail: the real peer always, the forwarded chain apart, the client only where a proxy named it. */
    Map<String, Object> audited() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("address", peer);
        if (forwardedFor != null) {
            details.put("forwardedFor", forwardedFor);
        }
        if (!client.equals(peer)) {
            details.put("client", client);
        }
        return details;
    }
}
