package io.epewatch.recognition.grammar;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
    /** A second reading the check digit accepts, at least this likely relative to the first, leaves it undecided. */
    private static final double AMBIGUOUS = 0.5;
    /** What an undecided read is worth: below any sensible uncertain bar, so an officer looks at it. */
    private static final double UNDECIDED = 0.45;

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
        boolean[] sizeType = sizeTypeCodes(read);
        GrammarMatch best = null;
        for (int start = 0; start + SLOTS.length <= chars.size(); start++) {
            if (sizeType[start]) {
                continue;
            }
            int check = start + SLOTS.length;
            // a size-type code after the serial (22G1, 45G1) is not its check digit: the check digit was not seen
            GrammarMatch match = decode(chars.subList(start, check), check < chars.size() && !sizeType[check] ? chars.get(check) : null);
            GrammarMatch withoutExtra = withoutExtraDigit(chars, start, sizeType);
            if (withoutExtra != null) {
                if (match == null || match.note() != null) {
                    match = withoutExtra;
                } else if (!withoutExtra.text().equals(match.text())) {
                    // MSKU 4670069 1: the first ten and the 9 make MSKU4670069 hold, dropping the extra 0 makes
                    // MSKU4670691 hold — one in ten extra digits fools the window, so neither is trusted
                    match = new GrammarMatch(match.text(), Math.min(match.confidence(), UNDECIDED), match.score(),
                            "read with one digit too many: " + match.text() + " or " + withoutExtra.text() + "; confirm which");
                }
            }
            if (match != null && match.beats(best)) {
                best = match;
            }
        }
        return Optional.ofNullable(best);
    }

    /**
     * Which letters-and-digits of the read begin or belong to an ISO 6346 size-type code ({@code 22G1}, {@code 45R1}:
     * two digits, a letter, a digit, standing as a word of its own), indexed as the read's letters and digits.
     */
    private static boolean[] sizeTypeCodes(List<CharChoice> read) {
        StringBuilder words = new StringBuilder();
        read.forEach(c -> words.append(Character.isLetterOrDigit(c.best()) ? c.best() : ' '));
        String text = words.toString();
        int alnum = (int) text.chars().filter(c -> c != ' ').count();
        boolean[] marked = new boolean[alnum + 1];
        Matcher m = SIZE_TYPE.matcher(text);
        while (m.find()) {
            int index = (int) text.substring(0, m.start()).chars().filter(c -> c != ' ').count();
            for (int i = 0; i < 4; i++) {
                marked[index + i] = true;
            }
        }
        return marked;
    }

    private static final Pattern SIZE_TYPE = Pattern.compile("(?<![A-Z0-9])[1-9LM][0-9][A-Z][0-9](?![A-Z0-9])");

    /**
     * A serial read with one digit too many ({@code MSKU 46700691}): the seven digits after the owner code with each
     * dropped in turn, where the eighth is read as the check digit. Only when exactly one choice makes the check digit
     * hold is it taken, as a correction with a note; several fit, or none: nothing.
     */
    private static GrammarMatch withoutExtraDigit(List<CharChoice> chars, int start, boolean[] sizeType) {
        int end = start + SLOTS.length + 2; // owner 4 + 7 digits + check
        if (end > chars.size() || end < chars.size() && Character.isDigit(chars.get(end).best()) || sizeType[end - 1]) {
            return null;
        }
        List<CharChoice> window = chars.subList(start, end);
        if (window.subList(4, 12).stream().anyMatch(c -> !Character.isDigit(c.best()))) {
            return null;
        }
        GrammarMatch found = null;
        int dropped = -1;
        for (int skip = 4; skip < 11; skip++) {
            List<CharChoice> ten = new ArrayList<>(window.subList(0, 11));
            ten.remove(skip);
            GrammarMatch match = decode(ten, window.get(11));
            if (match == null || match.note() != null) {
                continue;
            }
            if (found != null && !found.text().equals(match.text())) {
                return null;
            }
            found = match;
            dropped = skip;
        }
        return found == null ? null : new GrammarMatch(found.text(), found.confidence() * 0.5, found.score() + Math.log(0.5),
                "serial read with an extra digit: position " + (dropped + 1) + " dropped, the only way the check digit holds");
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
        GrammarMatch confirmed = null;
        for (Partial partial : beam) {
            // the beam is best first: the first whose check digit the read confirms wins
            char digit = (char) ('0' + ContainerNumber.withCheckDigit(partial.text).checkDigit());
            if (checkRead == null) {
                break;
            }
            double p = Slot.DIGIT.candidates(checkRead, 4).stream().filter(c -> c.character() == digit)
                    .mapToDouble(Slot.Candidate::probability).findFirst().orElse(0);
            if (p < FLOOR) {
                continue;
            }
            double score = partial.logScore + Math.log(p);
            if (confirmed == null) {
                double weakest = Math.min(partial.weakest, p);
                // an independent check digit that agrees makes a wrong read very unlikely
                confirmed = new GrammarMatch(partial.text + digit, Math.sqrt(weakest), score, null);
            } else if (score > confirmed.score() + Math.log(AMBIGUOUS)) {
                // another reading the check digit accepts is nearly as likely: it cannot decide, and says so
                return new GrammarMatch(confirmed.text(), Math.min(confirmed.confidence(), UNDECIDED), confirmed.score(),
                        "the check digit also accepts " + partial.text + digit + ": confirm which");
            } else {
                break;
            }
        }
        if (confirmed != null) {
            return confirmed;
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
