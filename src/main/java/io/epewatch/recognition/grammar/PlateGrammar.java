package io.epewatch.recognition.grammar;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.epewatch.kernel.PlateNumber;
import io.epewatch.recognition.CharChoice;

/**
 * Plates in a read of one row or two (grammar, and what is refused, in {@code docs/plates.md}): each layout below is
 * tried against the read's letters and digits; the row break, when the plate has two rows, must fall where the
 * layout puts it. Within a layout every position takes the best of the recogniser's alternatives and lookalikes
 * that its slot allows; the layout with the most probable characters wins.
 * <p>
 * Vietnamese civil plates are read at the confidence of their weakest character. A layout a stray piece of text
 * could also fit — a Vietnamese military plate, a Cambodian plate (a Vietnamese plate that lost its first digit
 * fits it) — is read at half that, so that it reaches an officer as UNCERTAIN with its crop rather than being
 * trusted (issue 21). A Chinese plate starts with its province's character, which nothing else does.
 */
public final class PlateGrammar {

    /** Below this the text is not taken for a plate at all (digits on a container, a weight): nothing to show. */
    static final double NOT_A_PLATE = 0.3;
    /**
     * Two rows one above the other, a short top row of province and series above the number, are a plate's shape:
     * a top row whose series letter was read as a digit ({@code U1} read {@code 01}) is still the plate's top row,
     * read uncertain, rather than dropped.
     */
    static final double NOT_A_TWO_ROW_PLATE = 0.12;
    /** What a layout that other text could fit keeps of its confidence. */
    static final double LOOSE_LAYOUT = 0.5;

    private static final Slot D = Slot.DIGIT;
    private static final Slot S = Slot.SERIES;
    private static final Slot L = Slot.LETTER;
    private static final Slot X = Slot.SERIAL_CN;
    private static final Set<String> DIPLOMATIC_SERIES = Set.of("NG", "NN", "QT");

    private static final List<Layout> LAYOUTS = List.of(
            // one-row cars: 51C-123.45, 29A-1234, 50LD-044.11, 50LD-0441
            car(List.of(), List.of(D, D, S, D, D, D, D, D)),
            car(List.of(), List.of(D, D, S, D, D, D, D)),
            car(List.of(), List.of(D, D, S, S, D, D, D, D, D)),
            car(List.of(), List.of(D, D, S, S, D, D, D, D)),
            // two-row motorbikes: 59-P1 / 332.02, 54-L6 / 4897, 15-MD1 / 453.66 (first: on a tie, the commoner plate wins)
            motorbike(List.of(D, D, S, D), List.of(D, D, D, D, D)),
            motorbike(List.of(D, D, S, D), List.of(D, D, D, D)),
            motorbike(List.of(D, D, S, S, D), List.of(D, D, D, D, D)),
            motorbike(List.of(D, D, S, S, D), List.of(D, D, D, D)),
            // two-row cars: 51C / 123.45
            car(List.of(D, D, S), List.of(D, D, D, D, D)),
            car(List.of(D, D, S), List.of(D, D, D, D)),
            car(List.of(D, D, S, S), List.of(D, D, D, D, D)),
            car(List.of(D, D, S, S), List.of(D, D, D, D)),
            // diplomatic missions, foreign and international organisations: 80NG-123-45, 29NN-456-01, 80QT-012-34
            // (Q is no civil series letter)
            new Layout(List.of(), List.of(D, D, L, L, D, D, D, D, D), Kind.DIPLOMATIC),
            // military: TM-12-34, one row or the letters above the digits
            new Layout(List.of(), List.of(Slot.BRANCH, L, D, D, D, D), Kind.MILITARY),
            new Layout(List.of(Slot.BRANCH, L), List.of(D, D, D, D), Kind.MILITARY),
            // Cambodia: 2A-1234, 2AB-1234 (the province's name, in Khmer and Latin, is another line)
            new Layout(List.of(), List.of(D, L, D, D, D, D), Kind.CAMBODIA),
            new Layout(List.of(), List.of(D, L, L, D, D, D, D), Kind.CAMBODIA),
            // China: 桂A·12345, 粤B·D12345 (new-energy vehicles have six)
            new Layout(List.of(), List.of(Slot.PROVINCE_CN, Slot.LETTER_CN, X, X, X, X, X), Kind.CHINA),
            new Layout(List.of(), List.of(Slot.PROVINCE_CN, Slot.LETTER_CN, X, X, X, X, X, X), Kind.CHINA));

    /** A one-row read. */
    public Optional<GrammarMatch> parse(List<CharChoice> row) {
        return parse(List.of(), row);
    }

    /** A two-row read (top row may be empty for a one-row plate). */
    public Optional<GrammarMatch> parse(List<CharChoice> top, List<CharChoice> bottom) {
        Dot dot = Dot.in(bottom);
        List<CharChoice> upper = letterOrDigits(top);
        List<CharChoice> lower = letterOrDigits(bottom);
        GrammarMatch best = null;
        for (Layout layout : LAYOUTS) {
            if (layout.top.size() != upper.size() || layout.bottom.size() != lower.size() || !layout.fits(dot)) {
                continue;
            }
            GrammarMatch match = layout.decode(upper, lower);
            if (match != null && match.beats(best)) {
                best = match;
            }
        }
        return Optional.ofNullable(best);
    }

    /**
     * A dot on a Vietnamese plate stands before the last two of five digits ({@code 123.45}): text with a dot
     * elsewhere is a weight or a size, and {@code 20.88} is a plate number that lost its first digit (issue 21), not
     * a 4-digit one. A Chinese plate's middle dot is read as a dot too, and means nothing there.
     */
    private enum Dot {
        NONE, BEFORE_LAST_TWO, ELSEWHERE;

        static Dot in(List<CharChoice> row) {
            String text = row.stream().map(c -> String.valueOf(c.best())).reduce("", String::concat);
            int dot = text.lastIndexOf('.');
            if (dot < 0) {
                return NONE;
            }
            return text.length() - dot - 1 == 2 && text.indexOf('.') == dot ? BEFORE_LAST_TWO : ELSEWHERE;
        }
    }

    private static List<CharChoice> letterOrDigits(List<CharChoice> read) {
        return read.stream().filter(c -> Character.isLetterOrDigit(c.best())).toList();
    }

    private static Layout car(List<Slot> top, List<Slot> bottom) {
        return new Layout(top, bottom, Kind.CAR);
    }

    private static Layout motorbike(List<Slot> top, List<Slot> bottom) {
        return new Layout(top, bottom, Kind.MOTORBIKE);
    }

    private enum Kind { CAR, MOTORBIKE, DIPLOMATIC, MILITARY, CAMBODIA, CHINA }

    private record Layout(List<Slot> top, List<Slot> bottom, Kind kind) {

        /** A layout that stray text fits as easily as a plate: read only as the recogniser read it, and uncertain. */
        boolean loose() {
            return kind == Kind.MILITARY || kind == Kind.CAMBODIA;
        }

        boolean fits(Dot dot) {
            return switch (kind) {
                case CAR, MOTORBIKE, DIPLOMATIC -> dot == Dot.NONE || dot == Dot.BEFORE_LAST_TWO && numberLength() == 5;
                case MILITARY, CAMBODIA -> dot == Dot.NONE;
                case CHINA -> true;
            };
        }

        private int numberLength() {
            return top.size() + bottom.size() - seriesEnd();
        }

        GrammarMatch decode(List<CharChoice> upper, List<CharChoice> lower) {
            List<Slot> slots = new ArrayList<>(top);
            slots.addAll(bottom);
            List<CharChoice> chars = new ArrayList<>(upper);
            chars.addAll(lower);
            StringBuilder text = new StringBuilder();
            double weakest = 1;
            double surest = 1;
            double score = 0;
            for (int i = 0; i < slots.size(); i++) {
                List<Slot.Candidate> candidates = slots.get(i).candidates(chars.get(i), 1, !loose());
                if (candidates.isEmpty()) {
                    return null;
                }
                Slot.Candidate chosen = candidates.get(0);
                text.append(chosen.character());
                weakest = Math.min(weakest, chosen.probability());
                surest = Math.min(surest, lead(slots.get(i), chars.get(i), chosen));
                score += Math.log(Math.max(chosen.probability(), 1e-6));
            }
            if (weakest < (top.isEmpty() ? NOT_A_PLATE : NOT_A_TWO_ROW_PLATE)) {
                return null;
            }
            weakest = surest;
            if (kind == Kind.DIPLOMATIC && !DIPLOMATIC_SERIES.contains(text.substring(2, 4))) {
                return null;
            }
            try {
                PlateNumber plate = PlateNumber.parse(raw(text.toString()));
                return switch (kind) {
                    case CAR, MOTORBIKE, DIPLOMATIC, CHINA -> new GrammarMatch(plate.value(), weakest, score, null);
                    case MILITARY -> new GrammarMatch(plate.value(), weakest * LOOSE_LAYOUT, score + Math.log(LOOSE_LAYOUT),
                            "read as a military plate: confirm it is one");
                    case CAMBODIA -> new GrammarMatch(plate.value(), weakest * LOOSE_LAYOUT, score + Math.log(LOOSE_LAYOUT),
                            "read as a Cambodian plate: confirm its country");
                };
            } catch (IllegalArgumentException notAPlate) {
                // province 00..10 does not exist; NG, NN, QT carry five digits
                return null;
            }
        }

        /**
         * How sure a character is: its lead over the best rival the recogniser offered that could also stand there
         * (issue 21: {@code 444.54} for {@code 444.44}, the 5 at 0.6 and the 4 at 0.35, is a near miss to check, not
         * a 60 % read).
         */
        private static double lead(Slot slot, CharChoice read, Slot.Candidate chosen) {
            double rival = 0;
            for (var alternative : read.alternatives().entrySet()) {
                if (alternative.getKey() != chosen.character() && slot.allows(alternative.getKey())) {
                    rival = Math.max(rival, alternative.getValue());
                }
            }
            return Math.max(0, chosen.probability() - rival);
        }

        /** The read in a form {@link PlateNumber#parse} takes for this layout. */
        private String raw(String compact) {
            return switch (kind) {
                case CAR, DIPLOMATIC -> compact.substring(0, 2) + compact.substring(2, seriesEnd()) + "-" + compact.substring(seriesEnd());
                case MOTORBIKE -> compact.substring(0, 2) + "-" + compact.substring(2, seriesEnd()) + " " + compact.substring(seriesEnd());
                case MILITARY -> compact.substring(0, 2) + "-" + compact.substring(2, 4) + "-" + compact.substring(4);
                case CAMBODIA -> "KH " + compact.substring(0, compact.length() - 4) + "-" + compact.substring(compact.length() - 4);
                case CHINA -> "CN " + compact;
            };
        }

        private int seriesEnd() {
            return top.isEmpty() ? (bottom.get(3) != Slot.DIGIT ? 4 : 3) : top.size();
        }
    }
}
