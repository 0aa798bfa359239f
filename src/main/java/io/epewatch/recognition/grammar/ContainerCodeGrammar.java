package io.epewatch.recognition.grammar;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import io.epewatch.kernel.ContainerNumber;
import io.epewatch.kernel.Lookalikes;
import io.epewatch.recognition.CharChoice;

/**
 * ISO 6346 container numbers in a read: owner code (3 letters), category (U, J, Z), serial (6 digits), check digit.
 * Every window of the read that can be one is decoded against the slots, and among the recogniser's alternatives
 * for each character (and the lookalikes of its best choice) the most probable combination whose check digit holds
 * wins. A read missing only its check digit (painted in a box the detector often misses) is completed with the
 * computed digit, at half the confidence and with a note.
 */
public final class ContainerCodeGrammar {

    private static final Slot[] SLOTS = {Slot.LETTER, Slot.LETTER, Slot.LETTER, Slot.CATEGORY,
            Slot.DIGIT, Slot.DIGIT, Slot.DIGIT, Slot.DIGIT, Slot.DIGIT, Slot.DIGIT};
    private static final int BEAM = 64;
    private static final int ALTERNATIVES = 3;
    private static final double FLOOR = 0.02;

    /** A container number anywhere in one line of text (a line with a dot is a weight or a volume, not a number). */
    public Optional<GrammarMatch> parse(List<CharChoice> read) {
        return parse(read, false);
    }

    /**
     * @param whole the read is pieces of text put together: it must be the number and nothing else, or any two
     *              neighbouring words would make one
     */
    public Optional<GrammarMatch> parse(List<CharChoice> read, boolean whole) {
        if (read.stream().anyMatch(c -> c.best() == '.')) {
            return Optional.empty();
        }
        List<CharChoice> chars = read.stream().filter(c -> Character.isLetterOrDigit(c.best())).toList();
        // joined pieces may repeat a character where their boxes overlap (IMTU9 + 9061955): one extra is allowed
        if (whole && (chars.size() < SLOTS.length || chars.size() > SLOTS.length + 2)) {
            return Optional.empty();
        }
        GrammarMatch best = null;
        for (int start = 0; start + SLOTS.length <= chars.size(); start++) {
            GrammarMatch match = decode(chars.subList(start, start + SLOTS.length),
                    start + SLOTS.length < chars.size() ? chars.get(start + SLOTS.length) : null);
            if (match != null && match.beats(best)) {
                best = match;
            }
        }
        return Optional.ofNullable(best);
    }

    private static GrammarMatch decode(List<CharChoice> firstTen, CharChoice checkRead) {
        if (firstTen.subList(0, 4).stream().filter(c -> Character.isDigit(c.best())).count() > 1) {
            // an owner code read mostly as digits is a date, a weight or a phone number, not a container
            return null;
        }
        List<Partial> beam = List.of(new Partial("", 1.0, 0));
        for (int i = 0; i < SLOTS.length; i++) {
            List<Slot.Candidate> candidates = SLOTS[i].candidates(firstTen.get(i), ALTERNATIVES);
            if (candidates.isEmpty()) {
                return null;
            }
            List<Partial> next = new ArrayList<>();
            for (Partial partial : beam) {
                for (Slot.Candidate candidate : candidates) {
                    next.add(partial.then(candidate));
                }
            }
            next.sort(Comparator.comparingDouble(Partial::logScore).reversed());
            beam = next.size() > BEAM ? next.subList(0, BEAM) : next;
        }
        for (Partial partial : beam) {
            // the beam is best first: the first whose check digit the read confirms wins
            char digit = (char) ('0' + ContainerNumber.withCheckDigit(partial.text).checkDigit());
            if (checkRead != null) {
                double p = Slot.DIGIT.candidates(checkRead, 4).stream().filter(c -> c.character() == digit)
                        .mapToDouble(Slot.Candidate::probability).findFirst().orElse(0);
                if (p >= FLOOR) {
                    double weakest = Math.min(partial.weakest, p);
                    // an independent check digit that agrees makes a wrong read very unlikely
                    return new GrammarMatch(partial.text + digit, Math.sqrt(weakest), partial.logScore + Math.log(p), null);
                }
            }
        }
        Partial top = beam.get(0);
        if (top.weakest < 0.5) {
            return null;
        }
        if (checkRead != null && Character.isDigit(checkRead.best())) {
            GrammarMatch corrected = lookalikeCorrection(top, checkRead.best());
            if (corrected != null) {
                return corrected;
            }
        }
        char digit = (char) ('0' + ContainerNumber.withCheckDigit(top.text).checkDigit());
        if (checkRead == null) {
            return new GrammarMatch(top.text + digit, top.weakest * 0.5, top.logScore + Math.log(0.5), "check digit not seen; computed from the other ten characters");
        }
        // the read's eleventh character cannot be the check digit: one of the eleven is wrong, and we cannot tell which
        return new GrammarMatch(top.text + digit, top.weakest * 0.25, top.logScore + Math.log(0.25),
                "check digit read as " + checkRead.best() + " does not hold; " + digit + " computed from the other ten characters");
    }

    /**
     * One character swapped for a lookalike the recogniser did not offer ({@code I} for {@code T}) when that, and
     * only that, makes the read check digit hold. A guess the check digit supports, so kept below the uncertain bar.
     */
    private static GrammarMatch lookalikeCorrection(Partial top, char checkDigit) {
        String found = null;
        String note = null;
        for (int i = 0; i < top.text.length(); i++) {
            char read = top.text.charAt(i);
            for (char c = '0'; c <= 'Z'; c++) {
                if (c == read || !SLOTS[i].allows(c) || !Lookalikes.alike(read, c)) {
                    continue;
                }
                String candidate = top.text.substring(0, i) + c + top.text.substring(i + 1);
                if (ContainerNumber.withCheckDigit(candidate).checkDigit() == checkDigit - '0') {
                    if (found != null) {
                        return null;
                    }
                    found = candidate;
                    note = read + " read at position " + (i + 1) + " taken as " + c + ": the only lookalike the check digit accepts";
                }
            }
        }
        return found == null ? null : new GrammarMatch(found + checkDigit, top.weakest * 0.5, top.logScore + Math.log(0.5), note);
    }

    private record Partial(String text, double weakest, double logScore) {

        Partial then(Slot.Candidate candidate) {
            return new Partial(text + candidate.character(), Math.min(weakest, candidate.probability()),
                    logScore + Math.log(Math.max(candidate.probability(), 1e-6)));
        }
    }
}
