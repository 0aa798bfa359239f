package io.epewatch.recognition;

import java.util.Map;

/**
 * One recognised character with the recogniser's alternatives, so a grammar or a check digit can prefer the second
 * choice where the first cannot be right ({@code O} where a digit must stand).
 *
 * @param alternatives probability of each allowed character at this position, best first
 */
public record CharChoice(char best, double probability, Map<Character, Double> alternatives) {

    public double probabilityOf(char c) {
        return alternatives.getOrDefault(c, 0.0);
    }
}
