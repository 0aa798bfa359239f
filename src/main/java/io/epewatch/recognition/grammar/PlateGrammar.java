package io.epewatch.recognition.grammar;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.epewatch.kernel.PlateNumber;
import io.epewatch.recognition.CharChoice;

/**
 * Vietnamese plates in a read of one row or two (grammar in {@code docs/plates.md}): each layout below is tried
 * against the read's letters and digits; the row break, when the plate has two rows, must fall where the layout
 * puts it. Within a layout every position takes the best of the recogniser's alternatives and lookalikes that its
 * slot allows; the layout with the most probable characters wins.
 */
public final class PlateGrammar {

    /** Below this the text is not taken for a plate at all (digits on a container, a weight): nothing to show. */
    static final double NOT_A_PLATE = 0.3;

    private static final Slot D = Slot.DIGIT;
    private static final Slot S = Slot.SERIES;

    /** Layouts: top row, bottom row (empty top = one row), and whether the canonical form is the motorbike one. */
    private static final List<Layout> LAYOUTS = List.of(
            // one-row cars: 51C-123.45, 29A-1234, 50LD-044.11, 50LD-0441
            new Layout(List.of(), List.of(D, D, S, D, D, D, D, D), false),
            new Layout(List.of(), List.of(D, D, S, D, D, D, D), false),
            new Layout(List.of(), List.of(D, D, S, S, D, D, D, D, D), false),
            new Layout(List.of(), List.of(D, D, S, S, D, D, D, D), false),
            // two-row motorbikes: 59-P1 / 332.02, 54-L6 / 4897, 15-MD1 / 453.66 (first: on a tie, the commoner plate wins)
            new Layout(List.of(D, D, S, D), List.of(D, D, D, D, D), true),
            new Layout(List.of(D, D, S, D), List.of(D, D, D, D), true),
            new Layout(List.of(D, D, S, S, D), List.of(D, D, D, D, D), true),
            new Layout(List.of(D, D, S, S, D), List.of(D, D, D, D), true),
            // two-row cars: 51C / 123.45
            new Layout(List.of(D, D, S), List.of(D, D, D, D, D), false),
            new Layout(List.of(D, D, S), List.of(D, D, D, D), false),
            new Layout(List.of(D, D, S, S), List.of(D, D, D, D, D), false),
            new Layout(List.of(D, D, S, S), List.of(D, D, D, D), false));

    /** A one-row read. */
    public Optional<GrammarMatch> parse(List<CharChoice> row) {
        return parse(List.of(), row);
    }

    /** A two-row read (top row may be empty for a one-row plate). */
    public Optional<GrammarMatch> parse(List<CharChoice> top, List<CharChoice> bottom) {
        if (!decimalsFit(bottom)) {
            return Optional.empty();
        }
        List<CharChoice> upper = letterOrDigits(top);
        List<CharChoice> lower = letterOrDigits(bottom);
        GrammarMatch best = null;
        for (Layout layout : LAYOUTS) {
            if (layout.top.size() != upper.size() || layout.bottom.size() != lower.size()) {
                continue;
            }
            GrammarMatch match = layout.decode(upper, lower);
            if (match != null && match.beats(best)) {
                best = match;
            }
        }
        return Optional.ofNullable(best);
    }

    /** A dot on a plate stands before the last two digits ({@code 123.45}); text with a dot elsewhere is a weight or a size. */
    private static boolean decimalsFit(List<CharChoice> row) {
        String text = row.stream().map(c -> String.valueOf(c.best())).reduce("", String::concat);
        int dot = text.lastIndexOf('.');
        return dot < 0 || text.length() - dot - 1 == 2 && text.indexOf('.') == dot;
    }

    private static List<CharChoice> letterOrDigits(List<CharChoice> read) {
        return read.stream().filter(c -> Character.isLetterOrDigit(c.best())).toList();
    }

    private record Layout(List<Slot> top, List<Slot> bottom, boolean motorbike) {

        GrammarMatch decode(List<CharChoice> upper, List<CharChoice> lower) {
            List<Slot> slots = new ArrayList<>(top);
            slots.addAll(bottom);
            List<CharChoice> chars = new ArrayList<>(upper);
            chars.addAll(lower);
            StringBuilder text = new StringBuilder();
            double weakest = 1;
            double score = 0;
            for (int i = 0; i < slots.size(); i++) {
                List<Slot.Candidate> candidates = slots.get(i).candidates(chars.get(i), 1);
                if (candidates.isEmpty()) {
                    return null;
                }
                text.append(candidates.get(0).character());
                weakest = Math.min(weakest, candidates.get(0).probability());
                score += Math.log(Math.max(candidates.get(0).probability(), 1e-6));
            }
            if (weakest < NOT_A_PLATE) {
                return null;
            }
            String compact = text.toString();
            int seriesEnd = top.isEmpty() ? (bottom.get(3) == Slot.SERIES ? 4 : 3) : top.size();
            String raw = motorbike
                    ? compact.substring(0, 2) + "-" + compact.substring(2, seriesEnd) + " " + compact.substring(seriesEnd)
                    : compact.substring(0, 2) + compact.substring(2, seriesEnd) + "-" + compact.substring(seriesEnd);
            try {
                return new GrammarMatch(PlateNumber.parse(raw).value(), weakest, score, null);
            } catch (IllegalArgumentException notAPlate) {
                // province 00..10 does not exist
                return null;
            }
        }
    }
}
