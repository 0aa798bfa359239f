package io.epewatch.recognition.grammar;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.IntPredicate;

import io.epewatch.kernel.Lookalikes;
import io.epewatch.kernel.PlateNumber;
import io.epewatch.recognition.CharChoice;

/** What may stand at one position of a grammar, and the candidates a read offers for it, best first. */
enum Slot {

    DIGIT(c -> c >= '0' && c <= '9'),
    LETTER(c -> c >= 'A' && c <= 'Z'),
    /** ISO 6346 equipment category: U freight container, J detachable equipment, Z trailer or chassis. */
    CATEGORY(c -> c == 'U' || c == 'J' || c == 'Z'),
    /** Vietnamese series letters: I, J, O, Q and W are not issued (they would read as 1, 0 ...). */
    SERIES(c -> c >= 'A' && c <= 'Z' && "IJOQW".indexOf(c) < 0),
    /** The first letter of a Vietnamese military plate: the branch (A, B, H, K, Q, T). */
    BRANCH(c -> "ABHKQT".indexOf(c) >= 0),
    /** A Chinese plate's province: one character each. */
    PROVINCE_CN(c -> PlateNumber.CHINESE_PROVINCES.indexOf(c) >= 0),
    /** Letters and digits of a Chinese plate: I and O are not used. */
    SERIAL_CN(c -> (c >= '0' && c <= '9' || c >= 'A' && c <= 'Z') && c != 'I' && c != 'O'),
    /** A Chinese plate's city letter. */
    LETTER_CN(c -> c >= 'A' && c <= 'Z' && c != 'I' && c != 'O');


    private final IntPredicate allows;

    Slot(IntPredicate allows) {
        this.allows = allows;
    }

    boolean allows(char c) {
        return allows.test(c);
    }

    /** The characters this slot may take from the read, with the probability each keeps. */
    List<Candidate> candidates(CharChoice read, int limit) {
        return candidates(read, limit, true);
    }

    /**
     * @param lookalikes whether a lookalike may stand in for a character the slot does not allow; not in a layout
     *                   that other text fits as easily (a Brazilian {@code OLB4809} is no Cambodian {@code 0LB-4809})
     */
    List<Candidate> candidates(CharChoice read, int limit, boolean lookalikes) {
        List<Candidate> out = new ArrayList<>();
        read.alternatives().forEach((c, p) -> {
            if (allows(c)) {
                out.add(new Candidate(c, p));
            }
        });
        // lookalikes stand in only where the read itself cannot: a J read with confidence stays a J, or the check
        // digit would "correct" good reads into other valid numbers one time in eleven
        // likeliest lookalike first, each a little less likely than the one before: 0 where a series letter must
        // stand is D before U before C, the same every time
        String alike = allows(read.best()) || !lookalikes ? "" : Lookalikes.of(read.best());
        for (int rank = 0; rank < alike.length(); rank++) {
            char c = alike.charAt(rank);
            if (allows(c)) {
                double p = read.probability() * lookalikeFactor(read.best(), c) * (1 - 0.01 * rank);
                char candidate = c;
                if (out.stream().noneMatch(o -> o.character() == candidate && o.probability() >= p)) {
                    out.removeIf(o -> o.character() == candidate);
                    out.add(new Candidate(c, p));
                }
            }
        }
        out.sort(Comparator.comparingDouble(Candidate::probability).reversed());
        return out.size() > limit ? out.subList(0, limit) : out;
    }

    record Candidate(char character, double probability) {
    }

    /**
     * Where a grammar allows only a digit (or only a letter), a lookalike of the right kind is almost as good as a
     * read. What a lookalike substitution keeps of the read's probability: a letter read where a digit must stand is
     * cheap ({@code O} for {@code 0}); a digit read where a letter must stand costs more, since a plate's series
     * is read from a letter far more often than digits elsewhere pass for a plate.
     */
    private static double lookalikeFactor(char read, char chosen) {
        return Character.isDigit(read) && Character.isLetter(chosen) ? 0.3 : 0.7;
    }
}
