package io.epewatch.demo;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.epewatch.declaration.DeclarationInput;
import io.epewatch.kernel.ContainerNumber;
import io.epewatch.simulator.Traffic;

/**
 * The trucks of the demo's day at the gates: each crossing a different truck with its own container, almost all of
 * them covered by an export declaration, about one in thirty not — so the inbox shows what a sub-department sees, a
 * handful of warnings an hour and most passages clean (issue 15), instead of the same truck every few seconds.
 */
final class DemoVehicles {

    /** Between two trucks at one gate camera: about 28 trucks an hour per camera. */
    static final Duration GAP = Duration.ofMinutes(2);
    /** One truck in this many leaves with no declaration. */
    static final int UNDECLARED_ONE_IN = 31;
    /** One truck in this many is Cambodian (a border EPE's day, issue 21): its plate keeps its country. */
    static final int CAMBODIAN_ONE_IN = 19;
    /**
     * One truck in this many shows the camera nothing it can read — a blank, muddy plate and a haulier's name on the
     * box: an unread passage for the officers' queue (issue 21). It has no declaration (nobody could tell whose).
     */
    static final int UNREADABLE_ONE_IN = 23;
    private static final Traffic.Vehicle UNREADABLE = new Traffic.Vehicle("", "VẬN TẢI HÒA BÌNH");

    private static final List<String> SERIES = List.of("51C", "51D", "50H", "61C", "72C", "60C", "51LD", "50LD");
    private static final List<String> OWNERS = List.of("MSKU", "TEMU", "FCIU", "DFSU", "CSQU", "TGHU", "MSCU", "OOLU");

    private final int lane;

    /** @param lane a number of its own for each camera (or generator), so no two lanes show the same container */
    DemoVehicles(int lane) {
        this.lane = lane;
    }

    Traffic traffic() {
        return new Traffic(GAP, true, this::seen, false);
    }

    /** Crossing {@code n} as the camera shows it. */
    Traffic.Vehicle seen(long n) {
        return unreadable(n) ? UNREADABLE : vehicle(n);
    }

    Traffic.Vehicle vehicle(long n) {
        long mixed = mix(n);
        String digits = String.format("%05d", Math.floorMod(mixed, 100_000));
        String plate = cambodian(n)
                ? (1 + Math.floorMod(mixed >>> 40, 9)) + "A-" + digits.substring(1)
                : SERIES.get((int) Math.floorMod(mixed >>> 20, (long) SERIES.size())) + "-" + digits.substring(0, 3) + "." + digits.substring(3);
        // a serial of its own for 10^6 crossings of this lane: 7919 is prime to 10^6
        long serial = Math.floorMod(n * 7919 + lane * 100_003L, 1_000_000L);
        String number = ContainerNumber.withCheckDigit(OWNERS.get(Math.floorMod(lane + (int) (n % 8), 8)) + String.format("%06d", serial)).value();
        return new Traffic.Vehicle(plate, number.substring(0, 4) + " " + number.substring(4, 10) + " " + number.substring(10));
    }

    /** The export declaration of crossing {@code n}: its truck and container, cleared in the green lane. */
    DeclarationInput declaration(String taxCode, long n, Instant registeredAt) {
        Traffic.Vehicle vehicle = vehicle(n);
        return new DeclarationInput(declarationNumber(n), "E52", taxCode, "EXPORT", registeredAt.toString(), "CLEARED", "GREEN",
                List.of(vehicle.plate()), List.of(vehicle.container().replace(" ", "")));
    }

    /** Whether crossing {@code n} has its export declaration. */
    boolean declared(long n) {
        return Math.floorMod(mix(n), (long) UNDECLARED_ONE_IN) != 0 && !unreadable(n);
    }

    private boolean cambodian(long n) {
        return Math.floorMod(mix(n) >>> 7, (long) CAMBODIAN_ONE_IN) == 0;
    }

    private boolean unreadable(long n) {
        return Math.floorMod(mix(n) >>> 13, (long) UNREADABLE_ONE_IN) == 0;
    }

    /** The export declaration number of crossing {@code n}: 12 digits, 3 first for export (VNACCS numbering). */
    String declarationNumber(long n) {
        return "3" + String.format("%02d", lane % 100) + String.format("%09d", Math.floorMod(n, 1_000_000_000L));
    }

    private long mix(long n) {
        long x = n * 0x9E3779B97F4A7C15L + lane * 0xBF58476D1CE4E5B9L;
        x ^= x >>> 31;
        x *= 0x94D049BB133111EBL;
        return (x ^ (x >>> 29)) & Long.MAX_VALUE;
    }
}
