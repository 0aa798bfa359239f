package io.epewatch.clearance;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.random.RandomGenerator;

import io.epewatch.calendar.WorkingDays;
import io.epewatch.clearance.DossierStep.Step;
import io.epewatch.clearance.EnterpriseSignals.Signals;
import io.epewatch.clearance.selectivity.Subject;
import io.epewatch.declaration.Declaration.Direction;
import io.epewatch.declaration.GoodsLine;
import io.epewatch.identity.Caller;
import io.epewatch.identity.Role;
import io.epewatch.intake.DeclarationIntake;
import io.epewatch.intake.SystemRole;
import io.epewatch.kernel.InputCheck;
import io.epewatch.registry.Enterprises;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The declarant's side of processing (R5.1–R5.5): file a declaration (IDA/EDA), correct it while provisional, register
 * it (IDC/EDC: the lane), amend it before clearance (IDA01/EDA01), supplement it after, ask to cancel it, replace it
 * (IDE/EDE); and everyone's reading of dossiers within their scope.
 */
@Service
public class Dossiers {

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final int MAX_LIST = 500;
    /** The primary's eleven digits stay below 90,000,000,000; the backup's are 9 and then ten digits. */
    private static final long PRIMARY_SERIES_END = 90_000_000_000L;
    private static final long BACKUP_SERIES_END = 10_000_000_000L;

    private final JdbcClient jdbc;
    private final DossierLedger ledger;
    private final Enterprises enterprises;
    private final WorkingDays workingDays;
    private final EnterpriseSignals signals;
    private final Selectivity selectivity;
    private final GoodsBalance balance;
    private final ClearanceProperties settings;
    private final DeclarationIntake intake;
    private final RandomGenerator random = new SecureRandom();

    Dossiers(JdbcClient jdbc, DossierLedger ledger, Enterprises enterprises, WorkingDays workingDays,
             EnterpriseSignals signals, Selectivity selectivity, GoodsBalance balance, ClearanceProperties settings,
             DeclarationIntake intake) {
        this.intake = intake;
        this.jdbc = jdbc;
        this.ledger = ledger;
        this.enterprises = enterprises;
        this.workingDays = workingDays;
        this.signals = signals;
        this.selectivity = selectivity;
        this.balance = balance;
        this.settings = settings;
    }

    /** What a filing answered: the declaration, and whether this filing made it or the same reference had before. */
    public record Filing(Dossier dossier, boolean first) {
    }

    /**
     * IDA/EDA: checks the declaration and, when nothing is wrong, gives it its number and returns the computed values.
     * The same reference again returns the declaration it filed first.
     */
    @Transactional
    public Filing file(Caller caller, DossierInput input) {
        requireDeclarant(caller);
        ledger.admit();
        String reference = input == null ? null : InputCheck.blankToNull(input.reference());
        Optional<Dossier> earlier = reference == null ? Optional.empty() : filedUnder(caller, reference);
        return earlier.map(d -> new Filing(d, false))
                .orElseGet(() -> new Filing(insert(caller, input, reference, checked(caller, input, null)), true));
    }

    /** IDA/EDA sent as a VNACCS message ({@link VnaccsMessage}): read, then filed as any other. */
    @Transactional
    public Filing fileMessage(Caller caller, byte[] message) {
        requireDeclarant(caller);
        return file(caller, VnaccsMessage.parse(message));
    }

    /** The declaration as a VNACCS message, in the layout it is uploaded in. */
    public byte[] message(Dossier d) {
        return VnaccsMessage.write(d.body(), d.filedAt());
    }

    private Dossier insert(Caller caller, DossierInput input, String reference, FilingCheck.Filed filed) {
        String number = nextNumber(filed.direction());
        Instant now = ledger.now();
        jdbc.sql("""
                        insert into dossier (number, direction, type_code, enterprise_tax_code, declarant, reference, state,
                            version, body, computed, filed_at, updated_at)
                        values (?, ?, ?, ?, ?, ?, 'PROVISIONAL', 1, ?::jsonb, ?::jsonb, ?, ?)""")
                .params(number, filed.direction().name(), filed.typeCode(), filed.taxCode(), caller.name(), reference,
                        ledger.jsonb(input).text(), ledger.jsonb(filed.assessment()).text(), Timestamp.from(now),
                        Timestamp.from(now))
                .update();
        Dossier d = ledger.find(number).orElseThrow();
        ledger.keepVersion(d, 1, code(d.direction(), "A"), input, null, caller.name());
        return ledger.step(caller, d, Step.FILED, DossierState.PROVISIONAL, Map.of(), null,
                Map.of("valueVnd", filed.assessment().totalValueVnd(), "feeVnd", filed.assessment().feeVnd()));
    }

    /**
     * IDC/EDC: registers the declaration officially. The enterprise's standing and its registered goods are checked
     * again, the quantities are taken from the registered balance, and the lane is decided and explained.
     */
    @Transactional
    public Dossier register(Caller caller, String number) {
        requireDeclarant(caller);
        Dossier d = ledger.lock(caller, number);
        DossierLedger.expect(d, Set.of(DossierState.PROVISIONAL), "registration");
        if (d.replaces() != null) {
            replaced(caller, d); // its quantities return to the balance before this one takes its own
        }
        InputCheck check = new InputCheck();
        FilingCheck.Filed filed = FilingCheck.check(check, d.body(), settings);
        standing(check, d.enterpriseTaxCode());
        if (filed != null) {
            balance.check(check, d.enterpriseTaxCode(), filed.goods(), d);
        }
        if (!check.hasProblems()) {
            balance.take(check, d.enterpriseTaxCode(), filed.goods());
        }
        check.throwIfAny();
        Signals known = signals.of(d.enterpriseTaxCode());
        Subject subject = new Subject(filed.goods().stream().map(GoodsLine::hsCode).toList(), filed.origins(),
                filed.assessment().totalValueVnd(), declarantViolations(d.declarant()), known.complianceScore(),
                known.openCameraIncidents(), known.recentWarnings());
        LaneDecision decision = selectivity.rules().decide(subject, random.nextDouble());
        Instant now = ledger.now();
        long unit = enterprises.findForSystem(d.enterpriseTaxCode()).orElseThrow().managingUnitId();
        Instant due = AnswerDue.of(now, decision.lane(), workingDays.calendar(), workingDays.hours(unit));
        DossierState state = switch (decision.lane()) {
            case GREEN -> DossierState.FEES_DUE;
            case YELLOW -> DossierState.DOCUMENT_CHECK;
            case RED -> DossierState.INSPECTION_ORDER;
        };
        Map<String, Object> columns = new LinkedHashMap<>();
        columns.put("lane", decision.lane().name());
        columns.put("lane_decision", ledger.jsonb(decision));
        columns.put("subject", ledger.jsonb(subject));
        columns.put("registered_at", now);
        columns.put("due_at", due);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("businessCode", code(d.direction(), "C"));
        details.put("lane", decision.lane().name());
        details.put("fired", decision.fired().stream().map(f -> f.kind() + " " + f.parameter() + " → " + f.lane()
                + " (" + f.observed() + ")").toList());
        details.put("draw", decision.draw());
        details.put("drawnLane", decision.drawnLane().name());
        if (due != null) {
            details.put("dueAt", due.toString());
        }
        return ledger.step(caller, d, Step.REGISTERED, state, columns, null, details);
    }

    /**
     * Changes the declaration's content: a correction while provisional (IDA/EDA again), an amendment before
     * clearance (IDA01/EDA01) or a supplement after it; each keeps the version before it. Amending and supplementing
     * need a reason. Enterprise, direction and type stay: changing them is a replacement.
     */
    @Transactional
    public Dossier amend(Caller caller, String number, DossierInput input, String reason) {
        requireDeclarant(caller);
        Dossier d = ledger.lock(caller, number);
        Step step;
        if (d.state() == DossierState.PROVISIONAL) {
            step = Step.CORRECTED;
        } else if (d.state().beforeClearance()) {
            step = Step.AMENDED;
        } else if (DossierState.GOODS_FREE.contains(d.state())) {
            step = Step.SUPPLEMENTED;
        } else {
            throw DossierLedger.refused(d, "is " + d.state() + " and can no longer be changed");
        }
        InputCheck check = new InputCheck();
        String why = InputCheck.blankToNull(reason);
        FilingCheck.Filed filed = checked(check, caller, input, d);
        if (step != Step.CORRECTED) {
            check.requireText("reason", reason, 2_000);
        }
        if (step == Step.AMENDED && !check.hasProblems()) {
            balance.giveBack(d);
            balance.take(check, d.enterpriseTaxCode(), filed.goods());
        }
        check.throwIfAny();
        int version = d.version() + 1;
        String businessCode = switch (step) {
            case CORRECTED -> code(d.direction(), "A");
            case AMENDED -> code(d.direction(), "A") + "01";
            default -> "SUPPLEMENT";
        };
        ledger.keepVersion(d, version, businessCode, input, why, caller.name());
        Map<String, Object> columns = new LinkedHashMap<>();
        columns.put("version", version);
        columns.put("body", ledger.jsonb(input));
        columns.put("computed", ledger.jsonb(filed.assessment()));
        return ledger.step(caller, d, step, d.state(), columns, why, Map.of("version", version, "businessCode", businessCode));
    }

    /**
     * Asks to cancel the declaration (Circular 38/2015 Art. 22). A provisional one is simply withdrawn; a registered
     * one waits for customs' decision (within 8 working hours). Goods that passed the supervised area cannot be
     * cancelled this way.
     */
    @Transactional
    public Dossier requestCancellation(Caller caller, String number, String reason) {
        requireDeclarant(caller);
        Dossier d = ledger.lock(caller, number);
        InputCheck check = new InputCheck();
        check.requireText("reason", reason, 2_000);
        check.throwIfAny();
        if (d.state() == DossierState.PROVISIONAL) {
            return ledger.step(caller, d, Step.CANCELLED, DossierState.CANCELLED, Map.of(), reason.strip(), Map.of());
        }
        if (d.state().ended() || d.state() == DossierState.PASSED || d.cancellationReason() != null) {
            throw DossierLedger.refused(d, "is " + d.state() + (d.cancellationReason() != null
                    ? " and its cancellation is already asked for" : "; it cannot be cancelled"));
        }
        return ledger.step(caller, d, Step.CANCELLATION_REQUESTED, d.state(),
                Map.of("cancellation_requested", reason.strip()), reason.strip(), Map.of());
    }

    /**
     * IDE/EDE: files a declaration that replaces a registered one not yet cleared. The new one gets its own number
     * and is registered like any other; when it is, the old one becomes REPLACED and its quantities return to the
     * registered balance.
     */
    @Transactional
    public Dossier replace(Caller caller, String number, DossierInput input, String reason) {
        requireDeclarant(caller);
        Dossier old = ledger.lock(caller, number);
        if (!old.state().beforeClearance() || old.replacedBy() != null) {
            throw DossierLedger.refused(old, "is " + old.state() + (old.replacedBy() != null
                    ? " and already replaced by " + old.replacedBy() : "; only a registered declaration not yet cleared is replaced"));
        }
        InputCheck check = new InputCheck();
        FilingCheck.Filed filed = checked(check, caller, input, old);
        check.requireText("reason", reason, 2_000);
        check.throwIfAny();
        Dossier fresh = insert(caller, input, null, filed);
        jdbc.sql("update dossier set replaces = ? where id = ?").params(old.number(), fresh.id()).update();
        ledger.step(caller, old, Step.REPLACED, old.state(), Map.of("replaced_by", fresh.number()), reason.strip(),
                Map.of("replacement", fresh.number(), "businessCode", code(old.direction(), "E"),
                        "valueVnd", filed.assessment().totalValueVnd()));
        return ledger.find(fresh.number()).orElseThrow();
    }

    /** The declaration when the caller reaches it: customs by its scope, a declarant by its enterprises (R6.2). */
    public Optional<Dossier> find(Caller caller, String number) {
        return ledger.find(caller, number);
    }

    /** The processing history, oldest first. */
    public List<DossierStep> steps(Dossier d) {
        return ledger.steps(d.id());
    }

    /** Dossiers the caller reaches, newest first; {@code state} narrows when given. */
    public List<Dossier> list(Caller caller, DossierState state, int limit) {
        return ledger.select(caller, ":state = '' or state = :state", Map.of("state", state == null ? "" : state.name()),
                "filed_at desc, id desc", Math.min(Math.max(limit, 1), MAX_LIST));
    }

    private void replaced(Caller caller, Dossier replacement) {
        Dossier old = ledger.lockForSystem(replacement.replaces());
        balance.giveBack(old);
        ledger.step(caller, old, Step.REPLACED, DossierState.REPLACED, Map.of(), null,
                Map.of("replacement", replacement.number()));
    }

    private FilingCheck.Filed checked(Caller caller, DossierInput input, Dossier current) {
        InputCheck check = new InputCheck();
        FilingCheck.Filed filed = checked(check, caller, input, current);
        check.throwIfAny();
        return filed;
    }

    /** The common checks of a filing; with {@code current}, what a change may not touch. */
    private FilingCheck.Filed checked(InputCheck check, Caller caller, DossierInput input, Dossier current) {
        FilingCheck.Filed filed = FilingCheck.check(check, input, settings);
        if (filed == null) {
            return null;
        }
        if (!caller.access().everything() && !ledger.reach(caller).contains(filed.taxCode())) {
            check.reject("enterpriseTaxCode", "notYourEnterprise",
                    "you declare only for your own enterprise and those that authorised you");
            return filed;
        }
        if (enterprises.findForSystem(filed.taxCode()).isEmpty()) {
            check.reject("enterpriseTaxCode", "is not a registered export processing enterprise");
            return filed;
        }
        if (current != null) {
            if (!filed.taxCode().equals(current.enterpriseTaxCode())) {
                check.reject("enterpriseTaxCode", "is " + current.enterpriseTaxCode() + " on declaration " + current.number() + "; a change keeps it");
            }
            if (filed.direction() != current.direction()) {
                check.reject("direction", "is " + current.direction() + " on declaration " + current.number() + "; a change keeps it");
            }
        }
        standing(check, filed.taxCode());
        balance.check(check, filed.taxCode(), filed.goods(), current);
        return filed;
    }

    /** IDC refuses barred firms: suspended, dissolved, bankrupt, or tax debt overdue more than 90 days (VNACCS.md §1). */
    private void standing(InputCheck check, String taxCode) {
        Optional<Map<String, Object>> row = jdbc.sql("select status, tax_debt_overdue_since from epe_standing where enterprise_tax_code = ?")
                .param(taxCode).query().listOfRows().stream().findFirst();
        if (row.isEmpty()) {
            return;
        }
        String status = (String) row.get().get("status");
        if (!"ACTIVE".equals(status)) {
            check.reject("enterpriseTaxCode", "enterpriseBarred", "the enterprise is " + status + " and may not declare", status);
        }
        Object since = row.get().get("tax_debt_overdue_since");
        if (since instanceof java.sql.Date date) {
            LocalDate overdue = date.toLocalDate();
            LocalDate today = LocalDate.ofInstant(ledger.now(), VIETNAM);
            if (overdue.plusDays(90).isBefore(today)) {
                check.reject("enterpriseTaxCode", "taxDebtOverdue", "the enterprise has tax debt overdue since " + overdue
                        + ", more than 90 days", overdue.toString());
            }
        }
    }

    /** Declarations of the declarant on which customs found a discrepancy in the last 12 months. */
    private int declarantViolations(String declarant) {
        return jdbc.sql("""
                        select count(distinct s.dossier_id) from dossier_step s join dossier d on d.id = s.dossier_id
                        where s.state = 'HELD' and d.declarant = ? and s.at > ?""")
                .params(declarant, Timestamp.from(ledger.now().minus(java.time.Duration.ofDays(365))))
                .query(Integer.class).single();
    }

    /** The number from the series this system owns: 1 first for imports, 3 for exports, 12 digits (VNACCS.md §3). */
    /**
     * The next number of the series: 1 (import) or 3 (export), then eleven digits. A backup numbers from its own series,
     * with 9 as the second digit, which the primary's never reaches, so the two can never collide (R6.1).
     */
    private String nextNumber(Direction direction) {
        String sequence = direction == Direction.IMPORT ? "declaration_series_import" : "declaration_series_export";
        char first = direction == Direction.IMPORT ? '1' : '3';
        boolean backup = intake.role() == SystemRole.BACKUP;
        while (true) {
            long next = jdbc.sql("select nextval('" + sequence + "')").query(Long.class).single();
            if (next >= (backup ? BACKUP_SERIES_END : PRIMARY_SERIES_END)) {
                throw new IllegalStateException("the declaration series is exhausted: " + sequence + " reached " + next);
            }
            String number = first + (backup ? String.format("9%010d", next) : String.format("%011d", next));
            // a number the feed already brought in is skipped: the series is gap-tolerant, never duplicate
            boolean taken = jdbc.sql("select exists (select 1 from declaration where number = ?)").param(number)
                    .query(Boolean.class).single();
            if (!taken) {
                return number;
            }
        }
    }

    /** The declaration the caller filed under their own reference, if any. */
    public Optional<Dossier> filedUnder(Caller caller, String reference) {
        return jdbc.sql("select " + DossierLedger.COLUMNS + " from dossier where declarant = ? and reference = ?")
                .params(caller.name(), reference.strip()).query(ledger::toDossier).optional();
    }

    /** IDA, IDC, IDE or EDA, EDC, EDE. */
    static String code(Direction direction, String step) {
        return (direction == Direction.IMPORT ? "ID" : "ED") + step;
    }

    private static void requireDeclarant(Caller caller) {
        if (!caller.has(Role.DECLARANT)) {
            throw new AccessDeniedException("only a declarant files declarations");
        }
    }
}
