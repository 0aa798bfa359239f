package io.epewatch.recognition.grammar;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import io.epewatch.recognition.Box;
import io.epewatch.recognition.Reading;
import io.epewatch.recognition.TextLine;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** R1.2: plates and container numbers that the detector found in pieces are put back together by where the pieces lie. */
class ReadingParserTest {

    private final ReadingParser parser = new ReadingParser();

    private static TextLine line(String text, int x, int y, int w, int h) {
        return new TextLine(new Box(x, y, w, h), Reads.of(text));
    }

    private List<String> texts(TextLine... lines) {
        return parser.parse(List.of(lines)).stream().map(Reading::text).toList();
    }

    @Test
    @DisplayName("two plate rows one above the other are joined top then bottom, whichever order they were found in")
    void twoRowPlate() {
        TextLine top = line("59-P1", 40, 10, 120, 50);
        TextLine bottom = line("332.02", 20, 65, 160, 50);
        assertThat(texts(bottom, top)).containsExactly("59-P1 332.02");
    }

    @Test
    @DisplayName("a plate's bottom row cut in two at its dot, under its top row, is one plate")
    void twoRowPlateWithBrokenBottomRow() {
        TextLine top = line("59-V1", 40, 10, 120, 50);
        TextLine left = line("891", 20, 65, 80, 50);
        TextLine right = line("58", 110, 65, 60, 50);
        assertThat(texts(top, left, right)).contains("59-V1 891.58");
    }

    @Test
    @DisplayName("a one-row plate cut in two, and an owner code beside its serial, are joined left to right")
    void sideBySide() {
        assertThat(texts(line("51C-", 100, 100, 60, 30), line("123.45", 165, 100, 100, 30))).contains("51C-123.45");
        assertThat(texts(line("IMTU", 900, 250, 200, 80), line("9061955", 1180, 250, 310, 90))).contains("IMTU9061955");
    }

    @Test
    @DisplayName("an owner code painted above its serial, and a column broken in two, are joined top to bottom")
    void stacked() {
        assertThat(texts(line("MRKU", 620, 21, 184, 94), line("3543983", 626, 109, 336, 74))).contains("MRKU3543983");
        assertThat(texts(line("DFSU", 646, 15, 50, 200), line("6889054", 646, 220, 50, 460))).contains("DFSU6889054");
    }

    @Test
    @DisplayName("issue 21: an owner code and its serial either side of a logo are one number only when the check digit confirms it")
    void acrossALogo() {
        assertThat(texts(line("MSKU", 100, 200, 160, 60), line("467069 1", 700, 200, 330, 60))).contains("MSKU4670691");
        assertThat(texts(line("MSKU", 100, 200, 160, 60), line("467069 2", 700, 200, 330, 60)))
                .as("a check digit that does not hold joins nothing so far apart").doesNotContain("MSKU4670691", "MSKU4670692");
        assertThat(texts(line("MSKU", 100, 200, 160, 60), line("467069", 700, 200, 280, 60)))
                .as("nor does a serial without its check digit").isEmpty();
    }

    @Test
    @DisplayName("words that merely stand near each other make no container number")
    void unrelatedWords() {
        assertThat(texts(line("KGS", 1140, 625, 60, 30), line("71.650", 1210, 625, 130, 30), line("MAXGROSS", 900, 560, 200, 60)))
                .isEmpty();
    }

    @Test
    @DisplayName("issue 21: with no plate of a known layout, the line that looks most like a plate is kept, country unknown, uncertain")
    void aPlateOfUnknownCountry() {
        List<Reading> readings = parser.parse(List.of(line("20140425073126", 10, 10, 300, 20), line("CUMBERLAND AVE", 10, 300, 260, 30),
                line("4FCW533", 200, 200, 180, 60)));
        Reading plate = readings.stream().filter(r -> r.kind() == Reading.Kind.PLATE).findFirst().orElseThrow();
        assertThat(plate.text()).isEqualTo("XX 4FCW533");
        assertThat(plate.confidence()).isLessThan(0.6);
        assertThat(plate.note()).contains("country unknown");
    }

    @Test
    @DisplayName("issue 21: weights, sizes and container numbers are no plate of unknown country; a known plate leaves none")
    void noUnknownCountryPlateFromContainerText() {
        List<Reading> door = parser.parse(List.of(line("MSKU 467069 1", 10, 10, 300, 40), line("MAX.GROSS 30480KG", 10, 60, 300, 30),
                line("TARE 3750KG", 10, 100, 200, 30), line("45G1", 10, 140, 80, 30), line("67200LB", 10, 180, 120, 30)));
        assertThat(door).noneMatch(r -> r.kind() == Reading.Kind.PLATE);
        List<Reading> withPlate = parser.parse(List.of(line("51C-123.45", 10, 10, 200, 50), line("4FCW533", 10, 200, 180, 60)));
        assertThat(withPlate).filteredOn(r -> r.kind() == Reading.Kind.PLATE).extracting(Reading::text).containsExactly("51C-123.45");
    }
}
