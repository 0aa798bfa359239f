package io.epewatch.cluster.web;

import java.util.ArrayList;
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
 * and for each kind of work the partitions each instance holds now ({@code "-"}: held by none, between two).
 */
@RestController
class ClusterApi {

    private final WorkLeases leases;

    ClusterApi(WorkLeases leases) {
        this.leases = leases;
    }

    record ClusterView(String self, List<Member> members, Map<String, Map<String, List<Integer>>> holders) {
    }

    @PreAuthorize("hasRole('SYSTEM_ADMIN')")
    @GetMapping("/api/v1/cluster")
    ClusterView cluster() {
        Map<String, Map<String, List<Integer>>> holders = new TreeMap<>();
        for (String kind : leases.kinds()) {
            Map<String, List<Integer>> byHolder = new TreeMap<>();
            leases.holders(kind).forEach((part, owner) ->
                    byHolder.computeIfAbsent(owner == null ? "-" : owner, o -> new ArrayList<>()).add(part));
            holders.put(kind, byHolder);
        }
        return new ClusterView(leases.self(), leases.members(), holders);
    }
}
