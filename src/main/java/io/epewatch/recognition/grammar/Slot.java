package io.epewatch.recognition.grammar;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.IntPredicate;

import io.epewatch.kernel.Lookalikes;
import io.epewatch.recognition.CharChoice;

/** What may stand at one position of a grammar, and the candidates a read offers for it, best first. */
enum Slot {

    DIGIT(c -> c >= '0' && c <= '9'),
    LETTER(c -> c >= 'A' && c <= 'Z'),
    /** ISO 6346 equipment category: U freight container, J detachable equipment, Z trailer or chassis. */
    CATEGORY(c -> c == 'U' || c == 'J' || c == 'Z'),
    /** Vietnamese series letters: I, J, O, Q and W are not issued (they would read as 1, 0 ...). */
    SERIES(c -> c >= 'A' && c <= 'Z' && "IJOQW".indexOf(c) < 0);

    private final IntPredicate allows;

    Slot(IntPredicate allows) {
        this.allows = allows;
    }

    boolean allows(char c) {
        return allows.test(c);
    }

    /** The characters this slot may take from the read, with the probability each keeps. */
    List<Candidate> candidates(CharChoice read, int limit) {
        List<Candidate> out = new ArrayList<>();
        read.alternatives().forEach((c, p) -> {
            if (allows(c)) {
                out.add(new Candidate(c, p));
            }
        });
        // lookalikes stand in only where the read itself cannot: a J read with confidence stays a J, or the check
        // digit would "correct" good reads into other valid numbers one time in eleven
        for (char c = '0'; c <= 'Z' && !allows(read.best()); c++) {
            if (allows(c) && Lookalikes.alike(read.best(), c)) {
                double p = read.probability() * lookalikeFactor(read.best(), c);
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
