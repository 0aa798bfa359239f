package io.epewatch.continuity;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.epewatch.support.Api;
import io.epewatch.support.Fixtures;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Settles what a pair did with the registrations its declarants were acknowledged (R6.1): each must be on the primary
 * afterwards, registered, once (else lost or duplicated); numbered from the series of the instance that answered; and
 * registered while that instance held the intake — the backup between a takeover and the next hand-back, by its audit
 * trail, the primary outside those windows (else double-accepted).
 */
record PairAccount(int acknowledged, int onBackup, int lost, int duplicated, int doubleAccepted, int wrongSeries,
                   List<String> problems) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    static PairAccount settle(List<PairLoad.Acknowledged> acks, int primaryPort, int backupPort) {
        Api reader = signedIn(primaryPort, PairMember.DECLARANT);
        List<Instant[]> windows = acceptingWindows(signedIn(backupPort, PairMember.ADMIN));
        Map<String, Integer> seen = new HashMap<>();
        List<String> problems = new ArrayList<>();
        int lost = 0;
        int duplicated = 0;
        int doubled = 0;
        int wrongSeries = 0;
        for (PairLoad.Acknowledged a : acks) {
            if (seen.merge(a.number(), 1, Integer::sum) > 1) {
                duplicated++;
                problems.add(a.number() + " acknowledged twice");
            }
            boolean backup = a.by().equals("backup");
            if ((a.number().charAt(1) == '9') != backup) {
                wrongSeries++;
                problems.add(a.number() + " acknowledged by the " + a.by() + " is not from its series");
            }
            Api.Response r = reader.get("/api/v1/clearance/declarations/" + a.number());
            JsonNode d = r.status() == 200 ? r.json().get("declaration") : null;
            if (d == null || d.get("registeredAt").isNull()) {
                lost++;
                problems.add(a.number() + " acknowledged by the " + a.by() + " is not registered on the primary (" + r.status() + ")");
                continue;
            }
            Instant registered = Instant.parse(d.get("registeredAt").asString());
            boolean inWindow = windows.stream().anyMatch(w -> !registered.isBefore(w[0]) && !registered.isAfter(w[1]));
            if (inWindow != backup) {
                doubled++;
                problems.add(a.number() + " registered at " + registered + " by the " + a.by() + ", outside its turn " + describe(windows));
            }
        }
        return new PairAccount(acks.size(), (int) acks.stream().filter(a -> a.by().equals("backup")).count(), lost, duplicated,
                doubled, wrongSeries, problems);
    }

    /**
     * Signs in, waiting while the instance is too busy to: a primary that just took back thousands of declarations
     * hands each to the gate analysis, and those listeners hold the connection pool for a while (see the notes).
     */
    static Api signedIn(int port, String username) {
        long deadline = System.nanoTime() + 180_000_000_000L;
        while (true) {
            Api api = new Api(port, null).signIn(username, Fixtures.PASSWORD);
            if (api.get("/api/v1/system-status").status() == 200 && api.get("/api/v1/clearance/declarations?state=PROVISIONAL").status() != 401
                    || System.nanoTime() > deadline) {
                return api;
            }
            try {
                Thread.sleep(1_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return api;
            }
        }
    }

    /** The backup's turns at the intake, from its audit trail: from each takeover to the next hand-back (or now). */
    static List<Instant[]> acceptingWindows(Api admin) {
        Api.Response audit = admin.get("/api/v1/audit?action=PAIR_STATE_CHANGED&limit=1000");
        if (audit.status() != 200) {
            throw new AssertionError("the backup's audit trail: " + audit.status() + " " + audit.body());
        }
        List<JsonNode> records = new ArrayList<>();
        audit.json().forEach(records::add);
        records.sort((a, b) -> Long.compare(a.get("id").asLong(), b.get("id").asLong()));
        List<Instant[]> windows = new ArrayList<>();
        Instant from = null;
        for (JsonNode r : records) {
            String mode = JSON.readTree(r.get("details").asString()).get("mode").asString();
            Instant at = Instant.parse(r.get("at").asString());
            if (mode.equals("ACCEPTING")) {
                from = at;
            } else if (mode.equals("HANDING_BACK") && from != null) {
                windows.add(new Instant[] {from, at});
                from = null;
            }
        }
        if (from != null) {
            windows.add(new Instant[] {from, Instant.MAX});
        }
        return windows;
    }

    private static String describe(List<Instant[]> windows) {
        return windows.stream().map(w -> w[0] + "–" + w[1]).toList().toString();
    }
}
