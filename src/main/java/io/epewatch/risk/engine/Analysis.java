package io.epewatch.risk.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The 24/7 analysis (R4.5): takes facts one at a time and says which warnings they raise, merge or resolve. Plain
 * Java, single-threaded and deterministic: the same facts in the same order give the same changes, which is what
 * makes a replay of the fact log reproduce every warning. Time is the facts' own time; {@link Fact.Tick} brings the
 * wall clock in when nothing else happens.
 */
public final class Analysis {

    private static final Duration SWEEP_EVERY = Duration.ofMinutes(10);

    private final List<Rule> rules;
    private final Situation situation;
    private final Agenda agenda = new Agenda();
    private final Outcome outcome;
    private Instant nextSweep = Instant.EPOCH;

    public Analysis(Thresholds defaults) {
        this(defaults, RiskRules.ALL);
    }

    Analysis(Thresholds defaults, List<Rule> rules) {
        this.rules = rules;
        this.situation = new Situation(defaults);
        this.outcome = new Outcome(situation, agenda);
    }

    /** The codes of the rules, in the order they run. */
    public static List<String> ruleCodes() {
        return RiskRules.ALL.stream().map(Rule::code).toList();
    }

    public List<WarningChange> accept(Fact fact) {
        if (fact instanceof Fact.Fixes batch) {
            // positions stored together are read together: checks they ask for are judged once, after all of them
            batch.fixes().forEach(this::read);
        } else if (!read(fact)) {
            return List.of();
        }
        // each check once per fact: a rule asking again for a time already past cannot loop
        java.util.Set<String> fired = new java.util.HashSet<>();
        for (Agenda.Check check = agenda.next(situation.clock()); check != null; check = agenda.next(situation.clock())) {
            if (!fired.add(check.rule() + '|' + check.subject())) {
                continue;
            }
            Rule rule = ruleFor(check.rule());
            outcome.bind(rule);
            rule.due(check, situation, outcome);
        }
        if (!situation.clock().isBefore(nextSweep)) {
            situation.expire();
            nextSweep = situation.clock().plus(SWEEP_EVERY);
        }
        return outcome.drain();
    }

    /** Takes one fact in and lets every rule see it; false for a duplicate. */
    private boolean read(Fact fact) {
        if (!situation.absorb(fact)) {
            return false;
        }
        situation.advance(fact.at());
        for (Rule rule : rules) {
            outcome.bind(rule);
            rule.on(fact, situation, outcome);
        }
        return true;
    }

    /** Every change the facts give, in order. */
    public List<WarningChange> acceptAll(Iterable<? extends Fact> facts) {
        List<WarningChange> changes = new ArrayList<>();
        for (Fact fact : facts) {
            changes.addAll(accept(fact));
        }
        return changes;
    }

    /** The engine's clock: the latest fact time seen. */
    public Instant clock() {
        return situation.clock();
    }

    /** Whether a timed rule waits for the clock to reach {@code now}: only then is a {@link Fact.Tick} worth logging. */
    public boolean dueBy(Instant now) {
        Instant next = agenda.nextFire();
        return next != null && !next.isAfter(now);
    }

    /** How much it holds in memory (sites' facts, vehicles, trips, warnings, pending checks). */
    public Map<String, Integer> sizes() {
        Map<String, Integer> sizes = situation.sizes();
        sizes.put("checks", agenda.size());
        return sizes;
    }

    private Rule ruleFor(String code) {
        for (Rule rule : rules) {
            if (rule.code().equals(code)) {
                return rule;
            }
        }
        throw new IllegalStateException("no rule " + code);
    }
}
