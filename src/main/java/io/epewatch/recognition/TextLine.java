package io.epewatch.recognition;

import java.util.List;
import java.util.stream.Collectors;

/** A line of text found in a picture: where, what, and how sure the recogniser is of each character. */
public record TextLine(Box box, List<CharChoice> chars) {

    public String text() {
        return chars.stream().map(c -> String.valueOf(c.best())).collect(Collectors.joining());
    }

    /** Letters and digits only. */
    public String compact() {
        return text().replaceAll("[^A-Z0-9]", "");
    }

    public double confidence() {
        return chars.stream().mapToDouble(CharChoice::probability).min().orElse(0);
    }
}
