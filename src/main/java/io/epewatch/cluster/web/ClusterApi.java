package io.epewatch.cluster.web;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.epewatch.cluster.Member;
import io.epewatch.cluster.WorkLeases;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/cluster} for the system administrator: the instances sharing this database, which is answering,
 * and who holds each partition of each kind of work now (a partition with no holder is between two).
 */
@RestController
class ClusterApi {

    private final WorkLeases leases;

    ClusterApi(WorkLeases leases) {
        this.leases = leases;
    }

    record ClusterView(String self, List<Member> members, Map<String, Map<Integer, String>> holders) {
    }

    @PreAuthorize("hasRole('SYSTEM_ADMIN')")
    @GetMapping("/api/v1/cluster")
    ClusterView cluster() {
        Map<String, Map<Integer, String>> holders = new TreeMap<>();
        for (String kind : leases.kinds()) {
            holders.put(kind, leases.holders(kind));
        }
        return new ClusterView(leases.self(), leases.members(), holders);
    }
}
