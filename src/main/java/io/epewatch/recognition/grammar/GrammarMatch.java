package io.epewatch.recognition.grammar;

/**
 * What a grammar made of a sequence of characters.
 *
 * @param confidence the weakest chosen character's probability (what an officer is told)
 * @param score      sum of the log-probabilities of all chosen characters (what ranks rival readings)
 */
public record GrammarMatch(String text, double confidence, double score, String note) {

    boolean beats(GrammarMatch other) {
        return other == null || score > other.score;
    }
}
