package io.epewatch.recognition;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import io.epewatch.evidence.EvidenceItem;
import io.epewatch.evidence.EvidenceLink;
import io.epewatch.evidence.EvidenceStore;
import io.epewatch.evidence.NewEvidence;
import io.epewatch.gate.GateEvent;
import io.epewatch.gate.GateEventInput;
import io.epewatch.gate.GateEvents;
import io.epewatch.gate.GateReceipt;
import io.epewatch.identity.AccessScope;
import io.epewatch.kernel.InvalidInputException;
import io.epewatch.kernel.PlateNumber;
import io.epewatch.registry.Enterprises;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Observations become gate events (the {@code gate} module resolves the camera, takes its direction from the site
 * diagram, validates and records them, once per event key) with
 * what was read kept beside them: each plate and container with its confidence and status, and the best frame and
 * the crops stored as evidence linked to the gate event.
 */
@Service
public class GateObservations {

    private final GateEvents gateEvents;
    private final Enterprises enterprises;
    private final EvidenceStore evidence;
    private final JdbcClient jdbc;
    private final double uncertainBelow;
    private final TransactionTemplate transaction;

    GateObservations(GateEvents gateEvents, Enterprises enterprises, EvidenceStore evidence,
                     JdbcClient jdbc, RecognitionProperties settings,
                     PlatformTransactionManager transactions) {
        this.transaction = new TransactionTemplate(transactions);
        this.gateEvents = gateEvents;
        this.enterprises = enterprises;
        this.evidence = evidence;
        this.jdbc = jdbc;
        this.uncertainBelow = settings.uncertainBelow();
    }

    /** A read kept with a gate event. */
    public record GateReading(long id, long gateEventId, Reading.Kind kind, String text, double confidence,
                              ObservedText.Status status, int frames, String note, UUID cropEvidenceId,
                              UUID frameEvidenceId) {
    }

    /**
     * Records the observation. A repeat (same source and event key) returns the first gate event and stores nothing.
     *
     * @throws InvalidInputException naming the field when the observation cannot be a gate event
     */
    public GateReceipt record(GateObservation sent) {
        GateObservation observation = withPlateOfSomeCountry(sent);
        GateEventInput input = new GateEventInput(observation.enterpriseTaxCode(), observation.cameraNumber(),
                observation.direction(), observation.capturedAt() == null ? null : observation.capturedAt().toString(),
                observation.plate() == null ? null : observation.plate().text(),
                // only confident reads are the passage's containers: an uncertain one stays among the readings, with
                // its crop, for an officer to confirm, and does not stand beside the real one as its equal (issue 15)
                observation.containers().stream().filter(c -> c.status(uncertainBelow) == ObservedText.Status.CONFIDENT)
                        .map(ObservedText::text).toList());
        try {
            return transaction.execute(status -> recordOnce(input, observation));
        } catch (GateEvents.IdempotencyRace race) {
            // the same event sent twice at once: the other request committed it; this one rolled back whole and,
            // in a transaction of its own, now finds it (a retry inside the failed one could only fail again)
            return transaction.execute(status -> recordOnce(input, observation));
        }
    }

    /**
     * A plate read that fits no country's layout is kept as read with its country unknown ({@code XX}, UNCERTAIN,
     * issue 21); text that cannot be a plate at all (no digit, too long) is refused, naming the field.
     */
    private static GateObservation withPlateOfSomeCountry(GateObservation observation) {
        ObservedText plate = observation.plate();
        if (plate == null) {
            return observation;
        }
        try {
            PlateNumber.parse(plate.text());
            return observation;
        } catch (IllegalArgumentException fitsNoLayout) {
            String unknown;
            try {
                unknown = PlateNumber.unknownCountry(plate.text()).value();
            } catch (IllegalArgumentException noPlate) {
                throw new InvalidInputException("plate", "'" + plate.text() + "' is not a plate: " + noPlate.getMessage());
            }
            ObservedText kept = new ObservedText(plate.kind(), unknown, plate.confidence(), plate.frames(), plate.crop(),
                    "fits no known plate layout: country unknown");
            return new GateObservation(observation.enterpriseTaxCode(), observation.cameraNumber(), observation.capturedAt(),
                    observation.direction(), kept, observation.containers(), observation.frame(), observation.source(),
                    observation.eventKey(), observation.note());
        }
    }

    private GateReceipt recordOnce(GateEventInput input, GateObservation observation) {
        GateReceipt receipt = gateEvents.recordSeen(input, observation.eventKey(), observation.source());
        if (receipt.created()) {
            keep(receipt.event(), observation);
        }
        return receipt;
    }

    /** What was read for a gate event the scope may see, plates first. */
    public List<GateReading> readings(AccessScope scope, long gateEventId) {
        if (gateEvents.find(scope, gateEventId).isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select * from gate_reading where gate_event_id = ? order by kind desc, id")
                .param(gateEventId).query(this::toReading).list();
    }

    /** An uncertain read waiting for an officer's eye, with the passage it belongs to. */
    public record ReadingToCheck(GateReading reading, String enterpriseTaxCode, String cameraNumber, Instant capturedAt) {
    }

    /** The latest UNCERTAIN reads and UNREAD vehicles at the enterprises the scope may see, newest passage first (R1.2). */
    public List<ReadingToCheck> toCheck(AccessScope scope, int limit) {
        var visible = enterprises.visibleTaxCodes(scope);
        if (visible.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        select * from gate_reading where status <> 'CONFIDENT' and enterprise_tax_code in (:codes)
                        order by captured_at desc, id limit :limit""")
                .param("codes", visible).param("limit", limit)
                .query((rs, n) -> new ReadingToCheck(toReading(rs, n), rs.getString("enterprise_tax_code"),
                        rs.getString("camera_number"), rs.getTimestamp("captured_at").toInstant()))
                .list();
    }

    /** The JPEG of a reading's crop or of the frame, when the scope may see the gate event. */
    public Optional<UUID> picture(AccessScope scope, long gateEventId, long readingId, boolean frame) {
        return readings(scope, gateEventId).stream().filter(r -> r.id() == readingId).findFirst()
                .map(r -> frame ? r.frameEvidenceId() : r.cropEvidenceId());
    }

    private void keep(GateEvent event, GateObservation observation) {
        List<EvidenceLink> links = List.of(new EvidenceLink(EvidenceLink.Kind.GATE_EVENT, String.valueOf(event.id())));
        UUID frame = observation.frame() == null ? null : store(observation.frame(), event, links);
        List<ObservedText> texts = new ArrayList<>();
        if (observation.plate() != null) {
            texts.add(observation.plate());
        }
        texts.addAll(observation.containers());
        if (texts.isEmpty()) {
            // an unread vehicle (issue 21): one reading with no text, for the queue, with the frame to look at
            insertReading(event, Reading.Kind.PLATE, null, 0, ObservedText.Status.UNREAD, 1, observation.note(), null, frame);
        }
        for (ObservedText text : texts) {
            UUID crop = text.crop() == null ? null : store(text.crop(), event, links);
            insertReading(event, text.kind(), canonical(event, text), text.confidence(), text.status(uncertainBelow),
                    Math.max(1, text.frames()), text.note(), crop, frame);
        }
    }

    private void insertReading(GateEvent event, Reading.Kind kind, String text, double confidence, ObservedText.Status status,
                               int frames, String note, UUID crop, UUID frame) {
        jdbc.sql("""
                        insert into gate_reading (gate_event_id, enterprise_tax_code, camera_number, captured_at,
                            kind, text, confidence, status, frames, note, crop_evidence_id, frame_evidence_id)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(event.id(), event.enterpriseTaxCode(), event.cameraNumber(), Timestamp.from(event.capturedAt()),
                        kind.name(), text, BigDecimal.valueOf(Math.max(0, Math.min(1, confidence))).setScale(3, RoundingMode.HALF_UP),
                        status.name(), frames, note, crop, frame)
                .update();
    }

    /** The text as the gate event holds it (the plate in canonical form), so reading and event never disagree. */
    private static String canonical(GateEvent event, ObservedText text) {
        if (text.kind() == Reading.Kind.PLATE && event.plate() != null) {
            return event.plate();
        }
        return text.text().toUpperCase(Locale.ROOT).replaceAll("[\\s\\-./]", "");
    }

    private UUID store(byte[] jpeg, GateEvent event, List<EvidenceLink> links) {
        EvidenceItem item = evidence.store(new NewEvidence(jpeg, "image/jpeg", event.enterpriseTaxCode(),
                event.cameraNumber(), event.capturedAt()), links);
        return item.id();
    }

    private GateReading toReading(ResultSet rs, int row) throws SQLException {
        return new GateReading(rs.getLong("id"), rs.getLong("gate_event_id"), Reading.Kind.valueOf(rs.getString("kind")),
                rs.getString("text"), rs.getBigDecimal("confidence").doubleValue(),
                ObservedText.Status.valueOf(rs.getString("status")), rs.getInt("frames"), rs.getString("note"),
                rs.getObject("crop_evidence_id", UUID.class), rs.getObject("frame_evidence_id", UUID.class));
    }
}
