package io.epewatch.simulator;

/** What is wrong with a simulated camera. */
public enum Fault {
    /** Works. */
    NONE,
    /** Its ports are closed: connections are refused. */
    OFFLINE,
    /** Answers, but every picture is the same one (a hung encoder). */
    FROZEN,
    /** Answers with black pictures (a covered lens, a dead sensor at night). */
    BLACK,
    /** Answers everything, but only after a delay longer than any sensible timeout. */
    SLOW
}
