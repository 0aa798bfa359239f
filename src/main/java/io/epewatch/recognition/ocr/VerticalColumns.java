package io.epewatch.recognition.ocr;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import io.epewatch.recognition.Box;
import io.epewatch.recognition.Picture;

/** Text written one character under the other: finding such columns and laying their characters out in a row. */
final class VerticalColumns {

    private VerticalColumns() {
    }

    /**
     * Stacks of at least three small, roughly square regions one under the other (same centre, similar width, small
     * gaps) become one tall region; everything else is left as found.
     */
    static List<Box> merge(List<Box> boxes) {
        List<Box> rest = new ArrayList<>(boxes);
        List<Box> out = new ArrayList<>();
        rest.sort(Comparator.comparingInt(Box::y));
        while (!rest.isEmpty()) {
            Box first = rest.remove(0);
            if (!characterLike(first) && !first.tall()) {
                out.add(first);
                continue;
            }
            List<Box> column = new ArrayList<>(List.of(first));
            Box union = first;
            boolean grew = true;
            while (grew) {
                grew = false;
                for (int i = 0; i < rest.size(); i++) {
                    Box next = rest.get(i);
                    if ((characterLike(next) || next.tall()) && continues(union, column.get(column.size() - 1), next)) {
                        column.add(next);
                        union = union.union(next);
                        rest.remove(i);
                        grew = true;
                        break;
                    }
                }
            }
            if (column.size() >= 3 || (column.size() >= 2 && union.tall())) {
                out.add(union);
            } else {
                out.addAll(column);
            }
        }
        return out;
    }

    private static boolean characterLike(Box box) {
        return box.width() <= box.height() * 1.6;
    }

    private static boolean continues(Box union, Box last, Box next) {
        double width = Math.max(last.width(), next.width());
        boolean aligned = Math.abs(last.centerX() - next.centerX()) < width * 0.6
                && Math.min(last.width(), next.width()) > width * 0.4;
        int gap = next.y() - last.bottom();
        boolean close = gap < Math.max(last.height(), next.height()) * 1.2 && next.y() > last.y();
        return aligned && close && union.width() < union.height() * 4;
    }

    /**
     * Cuts a column at the rows without ink and puts the characters side by side, each trimmed to its own ink and
     * scaled to one height on the column's background (so no piece of a neighbour shows), or returns null when the
     * column does not split into at least two characters.
     */
    static Picture layOut(Picture column) {
        int w = column.width();
        int h = column.height();
        int[] gray = column.gray();
        int threshold = otsu(gray);
        boolean darkText = borderMean(gray, w, h) > threshold;
        boolean[] inked = new boolean[gray.length];
        int[] ink = new int[h];
        for (int i = 0; i < gray.length; i++) {
            inked[i] = darkText ? gray[i] < threshold : gray[i] > threshold;
            if (inked[i]) {
                ink[i / w]++;
            }
        }
        int textWidth = textWidth(inked, w, h);
        List<int[]> runs = runs(ink, Math.max(1, textWidth / 12));
        // characters on containers are taller than wide: a run much shorter than the text is wide is a piece of one
        runs = mergeFragments(runs, Math.max(median(runs), (int) (textWidth * 1.3)));
        if (runs.size() < 2) {
            return null;
        }
        int cellHeight = Math.max(8, median(runs));
        int background = borderColour(column);
        List<Picture> characters = new ArrayList<>();
        for (int[] run : runs) {
            int x0 = w;
            int x1 = -1;
            for (int y = run[0]; y < run[1]; y++) {
                for (int x = 0; x < w; x++) {
                    if (inked[y * w + x]) {
                        x0 = Math.min(x0, x);
                        x1 = Math.max(x1, x);
                    }
                }
            }
            if (x1 < x0) {
                continue;
            }
            Picture character = column.crop(new Box(x0, run[0], x1 - x0 + 1, run[1] - run[0]));
            double scale = (double) cellHeight / character.height();
            characters.add(character.scaled(Math.max(1, (int) Math.round(character.width() * scale)), cellHeight));
        }
        return characters.size() < 2 ? null : Picture.sideBySide(characters, Math.max(3, cellHeight / 4), background);
    }

    /** Runs of rows with at least {@code minInk} ink pixels, as [start, end). */
    private static List<int[]> runs(int[] ink, int minInk) {
        List<int[]> runs = new ArrayList<>();
        int start = -1;
        for (int y = 0; y <= ink.length; y++) {
            boolean inked = y < ink.length && ink[y] >= minInk;
            if (inked && start < 0) {
                start = y;
            } else if (!inked && start >= 0) {
                if (y - start >= 2) {
                    runs.add(new int[] {start, y});
                }
                start = -1;
            }
        }
        return runs;
    }

    /** A run much shorter than the others is a piece of a character (or a speck): join it to a close neighbour, else drop it. */
    private static List<int[]> mergeFragments(List<int[]> runs, int typical) {
        if (runs.size() < 2) {
            return runs;
        }
        List<int[]> out = new ArrayList<>(runs);
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int i = 0; i < out.size(); i++) {
                int[] run = out.get(i);
                if (run[1] - run[0] >= typical * 0.5) {
                    continue;
                }
                int gapUp = i > 0 ? run[0] - out.get(i - 1)[1] : Integer.MAX_VALUE;
                int gapDown = i < out.size() - 1 ? out.get(i + 1)[0] - run[1] : Integer.MAX_VALUE;
                int neighbour = gapUp <= gapDown ? i - 1 : i + 1;
                int gap = Math.min(gapUp, gapDown);
                int[] other = neighbour >= 0 && neighbour < out.size() ? out.get(neighbour) : null;
                if (other != null && gap <= typical * 0.35
                        && Math.max(run[1], other[1]) - Math.min(run[0], other[0]) <= typical * 1.35) {
                    out.set(Math.min(i, neighbour), new int[] {Math.min(run[0], other[0]), Math.max(run[1], other[1])});
                    out.remove(Math.max(i, neighbour));
                } else if (run[1] - run[0] < typical * 0.25) {
                    out.remove(i);
                } else {
                    continue;
                }
                changed = true;
                break;
            }
        }
        return out;
    }

    /** Width of the band of columns that carry ink in at least a tenth of the rows (the strokes, not the door). */
    private static int textWidth(boolean[] inked, int w, int h) {
        int first = -1;
        int last = -1;
        for (int x = 0; x < w; x++) {
            int n = 0;
            for (int y = 0; y < h; y++) {
                if (inked[y * w + x]) {
                    n++;
                }
            }
            if (n >= h / 10) {
                first = first < 0 ? x : first;
                last = x;
            }
        }
        return first < 0 ? w : last - first + 1;
    }

    private static int median(List<int[]> runs) {
        if (runs.isEmpty()) {
            return 1;
        }
        int[] heights = runs.stream().mapToInt(r -> r[1] - r[0]).sorted().toArray();
        return heights[heights.length / 2];
    }

    private static int otsu(int[] gray) {
        int[] histogram = new int[256];
        for (int g : gray) {
            histogram[g]++;
        }
        long total = gray.length;
        long sum = 0;
        for (int i = 0; i < 256; i++) {
            sum += (long) i * histogram[i];
        }
        long sumBackground = 0;
        long weightBackground = 0;
        double best = -1;
        int threshold = 128;
        for (int t = 0; t < 256; t++) {
            weightBackground += histogram[t];
            if (weightBackground == 0 || weightBackground == total) {
                continue;
            }
            sumBackground += (long) t * histogram[t];
            double meanBackground = (double) sumBackground / weightBackground;
            double meanForeground = (double) (sum - sumBackground) / (total - weightBackground);
            double between = (double) weightBackground * (total - weightBackground) * Math.pow(meanBackground - meanForeground, 2);
            if (between > best) {
                best = between;
                threshold = t;
            }
        }
        return threshold;
    }

    private static double borderMean(int[] gray, int w, int h) {
        long sum = 0;
        int n = 0;
        for (int y = 0; y < h; y++) {
            sum += gray[y * w] + gray[y * w + w - 1];
            n += 2;
        }
        return (double) sum / n;
    }

    private static int borderColour(Picture picture) {
        long r = 0, g = 0, b = 0;
        int n = 0;
        for (int y = 0; y < picture.height(); y++) {
            for (int x : new int[] {0, picture.width() - 1}) {
                int p = picture.at(x, y);
                r += (p >> 16) & 0xff;
                g += (p >> 8) & 0xff;
                b += p & 0xff;
                n++;
            }
        }
        return (int) (r / n) << 16 | (int) (g / n) << 8 | (int) (b / n);
    }
}
