package io.epewatch.recognition.grammar;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import io.epewatch.kernel.PlateNumber;
import io.epewatch.recognition.Box;
import io.epewatch.recognition.CharChoice;
import io.epewatch.recognition.Reading;
import io.epewatch.recognition.TextLine;

/**
 * From the lines of text in a picture to plates and container numbers. Besides each line alone it tries the lines a
 * plate or a container spreads over: two rows of a plate one above the other, or one row cut in two; an owner code,
 * serial and boxed check digit side by side on a door, or the owner code above the serial; a column broken in two.
 * Each text is kept once, at its best confidence.
 */
public final class ReadingParser {

    private final PlateGrammar plates = new PlateGrammar();
    private final ContainerCodeGrammar containers = new ContainerCodeGrammar();

    public List<Reading> parse(List<TextLine> found) {
        Map<String, Reading> best = new LinkedHashMap<>();
        List<TextLine> lines = new ArrayList<>(found);
        lines.addAll(rowsOfPieces(found));
        for (int i = 0; i < lines.size(); i++) {
            TextLine line = lines.get(i);
            offer(best, Reading.Kind.PLATE, plates.parse(line.chars()), line.box());
            offer(best, Reading.Kind.CONTAINER, containers.parse(line.chars()), line.box());
            for (int j = 0; j < lines.size(); j++) {
                TextLine other = lines.get(j);
                if (i == j) {
                    continue;
                }
                Box union = line.box().union(other.box());
                if (plateRows(line.box(), other.box())) {
                    offer(best, Reading.Kind.PLATE, plates.parse(line.chars(), other.chars()), union);
                }
                if (sideBySide(line.box(), other.box())) {
                    // a one-row plate the detector cut in two ("51C-" and "123.45")
                    offer(best, Reading.Kind.PLATE, plates.parse(join(line, other)), union);
                }
                if (acrossAGap(line.box(), other.box())) {
                    // an owner code and its serial either side of a logo or a door rib: joined only when the check
                    // digit, seen, confirms the whole — far-apart words must prove they are one number (issue 21)
                    containers.parse(join(line, other), true).filter(m -> m.note() == null)
                            .ifPresent(m -> offer(best, Reading.Kind.CONTAINER, Optional.of(m), union));
                }
                if (sideBySide(line.box(), other.box()) || oneUnderOther(line.box(), other.box())) {
                    List<CharChoice> joined = join(line, other);
                    offer(best, Reading.Kind.CONTAINER, containers.parse(joined, true), union);
                    for (TextLine third : lines) {
                        if (third != line && third != other && (sideBySide(other.box(), third.box()) || oneUnderOther(other.box(), third.box()))) {
                            List<CharChoice> three = new ArrayList<>(joined);
                            three.addAll(third.chars());
                            offer(best, Reading.Kind.CONTAINER, containers.parse(three, true), union.union(third.box()));
                        }
                    }
                }
            }
        }
        if (best.values().stream().noneMatch(r -> r.kind() == Reading.Kind.PLATE)) {
            unknownCountryPlate(lines, best).ifPresent(r -> best.put(r.kind() + ":" + r.text(), r));
        }
        List<Reading> readings = new ArrayList<>(best.values());
        readings.sort(Comparator.comparingDouble(Reading::confidence).reversed());
        return readings;
    }

    /** What a plate of no known layout may look like: letters and digits, five to nine of them, at least two digits. */
    private static final Pattern PLATE_LIKE = Pattern.compile("(?=.*[A-Z])(?=(?:.*\\d){2})[A-Z0-9]{5,9}");
    /** Weights, volumes and sizes painted on containers and trucks: never a plate. */
    private static final Pattern MEASURE = Pattern.compile(".*\\d(KG|KGS|LB|LBS|CUM|CBM|CUFT|CUF|M3|MM|CM|FT|TON|TONS|T)");

    /**
     * Issue 21: with no plate of a known layout in the picture, the most legible line that looks like a plate (a
     * foreign truck's) is kept as read, its country unknown, at half its confidence and with a note — UNCERTAIN for
     * an officer to look at, never trusted. Not a container number, a weight or a date.
     */
    private static Optional<Reading> unknownCountryPlate(List<TextLine> lines, Map<String, Reading> found) {
        TextLine best = null;
        for (TextLine line : lines) {
            String text = line.compact();
            if (line.text().contains(".") || !PLATE_LIKE.matcher(text).matches() || MEASURE.matcher(text).matches()
                    || found.values().stream().anyMatch(r -> r.kind() == Reading.Kind.CONTAINER && r.box().equals(line.box()))) {
                continue;
            }
            if (best == null || line.confidence() * text.length() > best.confidence() * best.compact().length()) {
                best = line;
            }
        }
        if (best == null) {
            return Optional.empty();
        }
        return Optional.of(new Reading(Reading.Kind.PLATE, PlateNumber.unknownCountry(best.compact()).value(),
                best.confidence() * PlateGrammar.LOOSE_LAYOUT, best.box(), "fits no known plate layout: country unknown"));
    }

    /**
     * Lines the detector cut into three or more pieces side by side (a plate's bottom row split at its dot and its
     * dash) put back together left to right; pairs are tried anyway.
     */
    private static List<TextLine> rowsOfPieces(List<TextLine> lines) {
        List<TextLine> rows = new ArrayList<>();
        List<TextLine> byX = new ArrayList<>(lines);
        byX.sort(Comparator.comparingInt(l -> l.box().x()));
        for (TextLine start : byX) {
            List<CharChoice> chars = new ArrayList<>(start.chars());
            Box union = start.box();
            TextLine last = start;
            int pieces = 1;
            boolean grew = true;
            while (grew) {
                grew = false;
                for (TextLine next : byX) {
                    if (next != last && sideBySide(last.box(), next.box()) && next.box().x() >= last.box().x()) {
                        chars.addAll(next.chars());
                        union = union.union(next.box());
                        last = next;
                        pieces++;
                        grew = true;
                        break;
                    }
                }
            }
            if (pieces >= 2) {
                rows.add(new TextLine(union, chars));
            }
        }
        return rows;
    }

    private static void offer(Map<String, Reading> best, Reading.Kind kind, Optional<GrammarMatch> match, Box box) {
        match.ifPresent(m -> best.merge(kind + ":" + m.text(), new Reading(kind, m.text(), m.confidence(), box, m.note()),
                (a, b) -> a.confidence() >= b.confidence() ? a : b));
    }

    private static List<CharChoice> join(TextLine first, TextLine second) {
        List<CharChoice> joined = new ArrayList<>(first.chars());
        joined.addAll(second.chars());
        return joined;
    }

    /** The top row of a plate above the bottom row: overlapping across, close below, of like height and width. */
    private static boolean plateRows(Box top, Box bottom) {
        double gap = bottom.y() - top.bottom();
        return bottom.centerY() > top.centerY() + top.height() * 0.5
                && gap < Math.max(top.height(), bottom.height()) * 0.6
                && top.horizontalOverlap(bottom) > 0.6
                && ratio(top.height(), bottom.height()) < 1.8
                && ratio(top.width(), bottom.width()) < 2.2;
    }

    /** The second box continues the first on its right, on the same line. */
    private static boolean sideBySide(Box first, Box second) {
        int gap = second.x() - first.right();
        return second.centerX() > first.centerX() && first.verticalOverlap(second) > 0.5
                && gap < Math.max(first.height(), second.height()) * 2.5
                && ratio(first.height(), second.height()) < 2.5;
    }

    /** The second box is on the same line to the right, further than side by side but within eight heights. */
    private static boolean acrossAGap(Box first, Box second) {
        int gap = second.x() - first.right();
        return !sideBySide(first, second) && gap > 0 && first.verticalOverlap(second) > 0.5
                && gap < Math.max(first.height(), second.height()) * 8 && ratio(first.height(), second.height()) < 1.6;
    }

    /**
     * The second piece continues the first below it: a column broken in two, or an owner code painted above its
     * serial on a door.
     */
    private static boolean oneUnderOther(Box first, Box second) {
        int gap = second.y() - first.bottom();
        if (first.tall() && (second.tall() || second.height() <= second.width() * 2)) {
            // a column, then the rest of it or its last character (the check digit in its box)
            return second.centerY() > first.centerY() && first.horizontalOverlap(second) > 0.5
                    && gap < Math.max(first.width(), second.width()) * 2.5;
        }
        return !first.tall() && !second.tall() && second.centerY() > first.bottom() - first.height() * 0.2
                && first.horizontalOverlap(second) > 0.3 && gap < Math.max(first.height(), second.height()) * 1.5
                && ratio(first.height(), second.height()) < 2;
    }

    private static double ratio(int a, int b) {
        return Math.max(a, b) / (double) Math.max(1, Math.min(a, b));
    }
}
