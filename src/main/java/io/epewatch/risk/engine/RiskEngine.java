package io.epewatch.risk.engine;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.epewatch.declaration.Declaration;
import io.epewatch.declaration.DeclarationChanged;
import io.epewatch.declaration.Declarations;
import io.epewatch.gate.GateEvent;
import io.epewatch.gate.GateEventRecorded;
import io.epewatch.gate.GateEvents;
import io.epewatch.identity.AccessScope;
import io.epewatch.risk.RiskProperties;
import io.epewatch.risk.WarningRaised;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs the rules on every fact as it arrives, around the clock (R4.5). Events reach it through the event
 * publication registry, so a crash between recording a passage and evaluating it loses nothing; evaluation is
 * idempotent (one warning per rule and passage) so a redelivered event raises nothing twice.
 */
@Component
class RiskEngine {

    private static final Logger log = LoggerFactory.getLogger(RiskEngine.class);

    private final JdbcClient jdbc;
    private final Declarations declarations;
    private final GateEvents gateEvents;
    private final RiskProperties properties;
    private final ApplicationEventPublisher events;
    private final JsonMapper json;
    private final Clock clock;

    RiskEngine(JdbcClient jdbc, Declarations declarations, GateEvents gateEvents, RiskProperties properties,
               ApplicationEventPublisher events, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.declarations = declarations;
        this.gateEvents = gateEvents;
        this.properties = properties;
        this.events = events;
        this.json = json;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(GateEventRecorded passage) {
        RuleContext context = contextFor(passage);
        for (GateRule rule : RiskRules.GATE_RULES) {
            rule.evaluate(passage, context).ifPresent(draft -> raise(passage, draft));
        }
    }

    /** A new or changed export declaration may explain exits already warned about: re-check them. */
    @ApplicationModuleListener
    void on(DeclarationChanged change) {
        if (change.direction() != Declaration.Direction.EXPORT) {
            return;
        }
        List<Long> candidates = jdbc.sql("""
                        select gate_event_id from warning
                        where rule = ? and status = 'OPEN' and enterprise_tax_code = ? and occurred_at between ? and ?""")
                .params(ExitWithoutDeclarationRule.CODE, change.enterpriseTaxCode(),
                        Timestamp.from(change.registeredAt().minus(properties.declarationWindowAfter())),
                        Timestamp.from(change.registeredAt().plus(properties.declarationWindowBefore())))
                .query(Long.class).list();
        GateRule exitRule = new ExitWithoutDeclarationRule();
        for (long gateEventId : candidates) {
            Optional<GateEvent> event = gateEvents.find(AccessScope.all(), gateEventId);
            if (event.isEmpty()) {
                continue;
            }
            GateEventRecorded passage = asRecorded(event.get());
            if (exitRule.evaluate(passage, contextFor(passage)).isEmpty()) {
                resolveByData(gateEventId, "Covered by declaration " + change.number() + " (version " + change.version()
                        + ") registered at " + change.registeredAt());
            }
        }
    }

    private RuleContext contextFor(GateEventRecorded passage) {
        Instant at = passage.capturedAt();
        return new RuleContext(declarations.registeredBetween(passage.enterpriseTaxCode(), Declaration.Direction.EXPORT,
                at.minus(properties.declarationWindowBefore()), at.plus(properties.declarationWindowAfter())));
    }

    private void raise(GateEventRecorded passage, WarningDraft draft) {
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("gateEvent", Map.of("id", passage.gateEventId(), "cameraNumber", passage.cameraNumber(),
                "direction", passage.direction().name(), "capturedAt", passage.capturedAt().toString(),
                "plate", passage.plate() == null ? "" : passage.plate(), "containers", passage.containers()));
        evidence.putAll(draft.evidence());
        Timestamp now = Timestamp.from(clock.instant());
        Optional<Long> id = jdbc.sql("""
                        insert into warning (rule, enterprise_tax_code, gate_event_id, occurred_at, summary, evidence,
                            status, raised_at, status_changed_at)
                        values (?, ?, ?, ?, ?, ?::jsonb, 'OPEN', ?, ?)
                        on conflict (rule, gate_event_id) do nothing returning id""")
                .params(draft.rule(), passage.enterpriseTaxCode(), passage.gateEventId(),
                        Timestamp.from(passage.capturedAt()), draft.summary(), json.writeValueAsString(evidence), now, now)
                .query(Long.class).optional();
        id.ifPresent(warningId -> {
            log.info("Warning {} {} at {}: {}", warningId, draft.rule(), passage.enterpriseTaxCode(), draft.summary());
            events.publishEvent(new WarningRaised(warningId, draft.rule(), passage.enterpriseTaxCode()));
        });
    }

    private void resolveByData(long gateEventId, String reason) {
        int changed = jdbc.sql("""
                        update warning set status = 'RESOLVED_BY_DATA', status_reason = ?, status_changed_at = ?
                        where rule = ? and gate_event_id = ? and status = 'OPEN'""")
                .params(reason, Timestamp.from(clock.instant()), ExitWithoutDeclarationRule.CODE, gateEventId).update();
        if (changed > 0) {
            log.info("Warning for gate event {} resolved by data: {}", gateEventId, reason);
        }
    }

    private static GateEventRecorded asRecorded(GateEvent event) {
        return new GateEventRecorded(event.id(), event.enterpriseTaxCode(), event.cameraNumber(), event.direction(),
                event.capturedAt(), event.plate(), event.containers());
    }
}
