package io.epewatch.recognition;


import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;

import java.util.List;
import java.util.Locale;

import javax.imageio.ImageIO;

import io.epewatch.kernel.PlateNumber;

/**
 * Accuracy and latency of plate and container reading over labelled folders ({@code labels.csv}: {@code file,text,...}).
 * Entry point {@code bench/recognition/run DIR}; see bench/README.md. DIR holds a labels.csv, or folders that do.
 * The last line printed is one JSON object with the totals.
 */
public final class RecognitionBenchmark {

    private record Labelled(Path image, String text) {
    }

    private record Outcome(Labelled labelled, String predicted, boolean exact, boolean canonical, int distance,
                           double ms1, double ms2, FrameRead read) {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: bench/recognition/run DIR [REPORT_DIR]");
            System.exit(2);
        }
        Path root = Path.of(args[0]);
        Path report = Path.of(args.length > 1 ? args[1] : "target/recognition-report");
        List<Path> folders = new ArrayList<>();
        if (Files.exists(root.resolve("labels.csv"))) {
            folders.add(root);
        } else {
            try (var children = Files.list(root)) {
                children.filter(p -> Files.exists(p.resolve("labels.csv"))).sorted().forEach(folders::add);
            }
        }
        if (folders.isEmpty()) {
            System.err.println(root + " has no labels.csv, nor folders with one");
            System.exit(2);
        }
        RecognitionThreads.call(() -> {
            run(folders, report);
            return null;
        });
    }

    private static void run(List<Path> folders, Path report) throws IOException {
        List<Outcome> all = new ArrayList<>();
        int size = Integer.getInteger("detection-size", FrameRecognition.DEFAULT_DETECTION_SIZE);
        try (FrameRecognition oneThread = FrameRecognition.load(1, size); FrameRecognition twoThreads = FrameRecognition.load(2, size)) {
            for (Path folder : folders) {
                List<Labelled> labelled = labels(folder);
                warmUp(oneThread, twoThreads, labelled);
                List<Outcome> outcomes = new ArrayList<>();
                for (Labelled item : labelled) {
                    outcomes.add(measure(item, oneThread, twoThreads));
                }
                all.addAll(outcomes);
                System.out.println(folder.getFileName() + ": " + summary(outcomes));
                System.out.printf(Locale.ROOT, "    2 threads: p50 %.1f ms, p99 %.1f ms%n", percentile(outcomes, 50, true), percentile(outcomes, 99, true));
                writeFailures(report.resolve(folder.getFileName().toString()), outcomes);
            }
        }
        System.out.println("failures with crops: " + report.toAbsolutePath() + "/*/index.html");
        System.out.println(summary(all));
    }

    private static List<Labelled> labels(Path folder) throws IOException {
        List<Labelled> out = new ArrayList<>();
        List<String> lines = Files.readAllLines(folder.resolve("labels.csv"), StandardCharsets.UTF_8);
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",", -1);
            if (cells.length >= 2 && !cells[0].isBlank()) {
                out.add(new Labelled(folder.resolve(cells[0].strip()), cells[1].strip()));
            }
        }
        return out;
    }

    private static void warmUp(FrameRecognition one, FrameRecognition two, List<Labelled> labelled) throws IOException {
        for (Labelled item : labelled.subList(0, Math.min(3, labelled.size()))) {
            Picture picture = Picture.of(ImageIO.read(item.image.toFile()));
            one.read(picture);
            two.read(picture);
        }
    }

    private static Outcome measure(Labelled item, FrameRecognition one, FrameRecognition two) throws IOException {
        Picture picture = Picture.of(ImageIO.read(item.image.toFile()));
        long start = System.nanoTime();
        FrameRead read = one.read(picture);
        double ms1 = (System.nanoTime() - start) / 1e6;
        start = System.nanoTime();
        two.read(picture);
        double ms2 = (System.nanoTime() - start) / 1e6;
        String expected = compact(item.text);
        String predicted = predict(read, expected);
        boolean exact = compact(predicted).equals(expected);
        return new Outcome(item, predicted, exact, exact && predicted.equals(item.text.strip()),
                distance(compact(predicted), expected), ms1, ms2, read);
    }

    /**
     * The read a user would be shown for this picture: where the label is a container number, a hit when it is
     * among the numbers read (frames show two containers); else the best plate, or failing any plate grammar (a
     * foreign plate) the most confident line of letters and digits.
     */
    private static String predict(FrameRead read, String expected) {
        if (expected.matches("[A-Z]{4}\\d{7}")) {
            return read.containers().stream().map(Reading::text).filter(expected::equals).findFirst()
                    .orElse(read.containers().isEmpty() ? "" : read.containers().get(0).text());
        }
        if (!read.plates().isEmpty()) {
            return read.plates().get(0).text();
        }
        if (!read.containers().isEmpty()) {
            return read.containers().get(0).text();
        }
        return read.lines().stream().filter(l -> l.compact().length() >= 4)
                .max((a, b) -> Double.compare(a.confidence() * a.compact().length(), b.confidence() * b.compact().length()))
                .map(TextLine::compact).orElse("");
    }

    private static String summary(List<Outcome> outcomes) {
        int chars = outcomes.stream().mapToInt(o -> compact(o.labelled.text).length()).sum();
        int errors = outcomes.stream().mapToInt(Outcome::distance).sum();
        return String.format(Locale.ROOT, "{\"images\": %d, \"exact\": %d, \"exact_canonical\": %d, \"cer\": %.4f, \"p50_ms\": %.1f, \"p99_ms\": %.1f}",
                outcomes.size(), outcomes.stream().filter(Outcome::exact).count(), outcomes.stream().filter(Outcome::canonical).count(),
                chars == 0 ? 0.0 : (double) errors / chars, percentile(outcomes, 50, false), percentile(outcomes, 99, false));
    }

    private static double percentile(List<Outcome> outcomes, int p, boolean twoThreads) {
        double[] ms = outcomes.stream().mapToDouble(o -> twoThreads ? o.ms2 : o.ms1).sorted().toArray();
        if (ms.length == 0) {
            return 0;
        }
        return ms[Math.min(ms.length - 1, (int) Math.ceil(p / 100.0 * ms.length) - 1)];
    }

    private static void writeFailures(Path dir, List<Outcome> outcomes) throws IOException {
        Files.createDirectories(dir);
        StringBuilder html = new StringBuilder("<!doctype html><meta charset=utf-8><title>Recognition failures</title>"
                + "<style>body{font-family:sans-serif}td{vertical-align:top;padding:4px;border-bottom:1px solid #ccc}img{max-width:420px}</style>"
                + "<table><tr><th>image</th><th>label</th><th>read</th><th>lines (text, confidence)</th><th>crops</th></tr>");
        for (Outcome outcome : outcomes) {
            if (outcome.canonical) {
                continue;
            }
            String name = outcome.labelled.image.getFileName().toString();
            Picture picture = Picture.of(ImageIO.read(outcome.labelled.image.toFile()));
            html.append("<tr><td>").append(name).append("<br><img src=\"").append(name).append(".jpg\"></td><td>")
                    .append(outcome.labelled.text).append("</td><td>").append(outcome.predicted).append("</td><td>");
            ImageIO.write(picture.scaled(Math.min(picture.width(), 640), Math.max(1, picture.height() * Math.min(picture.width(), 640) / picture.width())).toImage(),
                    "jpg", dir.resolve(name + ".jpg").toFile());
            int i = 0;
            StringBuilder crops = new StringBuilder();
            for (TextLine line : outcome.read.lines()) {
                html.append(line.text()).append(String.format(Locale.ROOT, " (%.2f)<br>", line.confidence()));
                String crop = name + "-" + i++ + ".jpg";
                ImageIO.write(picture.crop(line.box()).toImage(), "jpg", dir.resolve(crop).toFile());
                crops.append("<img src=\"").append(crop).append("\" title=\"").append(line.text()).append("\"><br>");
            }
            html.append("</td><td>").append(crops).append("</td></tr>");
        }
        Files.writeString(dir.resolve("index.html"), html.append("</table>").toString());
    }

    /** Letters and digits, without the country a foreign plate is written with ({@code KH 2A-1234} is 2A1234). */
    private static String compact(String text) {
        return PlateNumber.withoutCountry(text.toUpperCase(Locale.ROOT)).replaceAll("[^A-Z0-9]", "");
    }

    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1),
                        previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    private RecognitionBenchmark() {
    }

}
