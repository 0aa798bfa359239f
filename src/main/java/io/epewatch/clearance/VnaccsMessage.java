package io.epewatch.clearance;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import io.epewatch.declaration.DeclarationInput.VehicleInput;
import io.epewatch.kernel.InvalidInputException;

/**
 * A declaration in the VNACCS message layout ({@code ../shared/VNACCS.md} §2), as a declarant's software sends an
 * IDA or EDA: a header of 400 characters (space-padded, lengths in UTF-8 bytes) — the business code at offset 3, the
 * total length at 392 — then CRLF and one item per CRLF-terminated line. The items follow this system's profile of
 * IDA/EDA, documented in {@code docs/clearance.md}: the declarant's reference, type code, tax code, invoice number,
 * currency, transport document; the number of goods lines, then eight items per line (HS code, description,
 * quantity, unit, unit price, origin, net and gross weight in kg); the number of vehicles, then the plate and its
 * containers (commas between) for each. The user ID and password fields of the header are ignored: the caller is
 * the signed-in declarant, and a password sent there is never stored.
 */
final class VnaccsMessage {

    static final int HEADER = 400;
    static final int MAX_BYTES = 2 * 1024 * 1024;
    private static final int PER_LINE = 8;
    private static final int MAX_LINES = 1_000;
    private static final int MAX_VEHICLES = 100;
    private static final String CRLF = "\r\n";

    private VnaccsMessage() {
    }

    /** The declaration the message files, or a refusal naming the header field or the item line that is wrong. */
    static DossierInput parse(byte[] message) {
        if (message == null || message.length == 0) {
            throw new InvalidInputException("message", "is empty");
        }
        if (message.length > MAX_BYTES) {
            throw new InvalidInputException("message", "is larger than 2 MiB");
        }
        if (message.length < HEADER) {
            throw new InvalidInputException("message.header", "must be the 400-character VNACCS header followed by CRLF and the items");
        }
        String header = utf8(Arrays.copyOf(message, HEADER), "message.header");
        String job = header.substring(3, 8).strip().toUpperCase(Locale.ROOT);
        String direction = switch (job) {
            case "IDA" -> "IMPORT";
            case "EDA" -> "EXPORT";
            default -> throw new InvalidInputException("message.header.jobCode",
                    "is '" + job + "'; a declaration is filed with IDA (import) or EDA (export)");
        };
        String total = header.substring(392, 398).strip();
        if (!total.matches("\\d{1,6}") || Integer.parseInt(total) != message.length - CRLF.length()
                && Integer.parseInt(total) != message.length) {
            throw new InvalidInputException("message.header.totalLength",
                    "is '" + total + "' but the message has " + message.length + " bytes (400 + the items)");
        }
        if (message.length < HEADER + 2 || message[HEADER] != '\r' || message[HEADER + 1] != '\n') {
            throw new InvalidInputException("message.header", "must end with CRLF after its 400 characters");
        }
        String body = utf8(Arrays.copyOfRange(message, HEADER + 2, message.length), "message.items");
        List<String> items = new ArrayList<>(Arrays.asList(body.split(CRLF, -1)));
        if (!items.isEmpty() && items.getLast().isEmpty()) {
            items.removeLast(); // the last item's own CRLF
        }
        Items in = new Items(items);
        String reference = in.next("reference");
        String typeCode = in.next("typeCode");
        String taxCode = in.next("enterpriseTaxCode");
        String invoice = in.next("invoiceNumber");
        String currency = in.next("currency");
        String transport = in.next("transportDocument");
        int lineCount = in.count("goods", MAX_LINES);
        List<DossierInput.Line> lines = new ArrayList<>();
        for (int i = 0; i < lineCount; i++) {
            String at = "goods[" + i + "].";
            lines.add(new DossierInput.Line(in.next(at + "hsCode"), in.next(at + "description"), in.next(at + "quantity"),
                    in.next(at + "unit"), in.next(at + "unitPrice"), in.next(at + "origin"), in.next(at + "netWeightKg"),
                    in.next(at + "grossWeightKg")));
        }
        int vehicleCount = in.count("vehicles", MAX_VEHICLES);
        List<VehicleInput> vehicles = new ArrayList<>();
        for (int i = 0; i < vehicleCount; i++) {
            String plate = in.next("vehicles[" + i + "].plate");
            String containers = in.next("vehicles[" + i + "].containerNumbers");
            vehicles.add(new VehicleInput(plate, containers == null ? List.of()
                    : Arrays.stream(containers.split(",")).map(String::strip).filter(c -> !c.isEmpty()).toList()));
        }
        in.end();
        return new DossierInput(reference, direction, typeCode, taxCode, invoice, currency, transport, lines, vehicles);
    }

    /** The declaration written in the same layout: what a declarant's software would send, and reads back. */
    static byte[] write(DossierInput d, java.time.Instant at) {
        List<String> items = new ArrayList<>(List.of(text(d.reference()), text(d.typeCode()), text(d.enterpriseTaxCode()),
                text(d.invoiceNumber()), text(d.currency()), text(d.transportDocument())));
        List<DossierInput.Line> lines = d.goods() == null ? List.of() : d.goods();
        items.add(Integer.toString(lines.size()));
        for (DossierInput.Line l : lines) {
            items.addAll(List.of(text(l.hsCode()), text(l.description()), text(l.quantity()), text(l.unit()), text(l.unitPrice()),
                    text(l.origin()), text(l.netWeightKg()), text(l.grossWeightKg())));
        }
        List<VehicleInput> vehicles = d.vehicles() == null ? List.of() : d.vehicles();
        items.add(Integer.toString(vehicles.size()));
        for (VehicleInput v : vehicles) {
            items.add(text(v.plate()));
            items.add(v.containerNumbers() == null ? "" : String.join(",", v.containerNumbers()));
        }
        byte[] body = (String.join(CRLF, items) + CRLF).getBytes(StandardCharsets.UTF_8);
        String job = "IMPORT".equalsIgnoreCase(d.direction()) ? "IDA" : "EDA";
        String stamp = java.time.format.DateTimeFormatter.ofPattern("yyyyMMddHHmmss")
                .withZone(java.time.ZoneId.of("Asia/Ho_Chi_Minh")).format(at);
        StringBuilder header = new StringBuilder(" ".repeat(HEADER));
        header.replace(0, 3, "SS ");
        header.replace(3, 8, pad(job, 5));
        header.replace(15, 29, stamp);
        header.replace(219, 245, pad(pad(job, 5) + stamp + "000001", 26));
        header.replace(364, 365, "1");
        header.replace(392, 398, String.format(Locale.ROOT, "%06d", HEADER + 2 + body.length));
        byte[] head = (header + CRLF).getBytes(StandardCharsets.US_ASCII);
        byte[] all = Arrays.copyOf(head, head.length + body.length);
        System.arraycopy(body, 0, all, head.length, body.length);
        return all;
    }

    private static String text(String value) {
        return value == null ? "" : value.replace("\r", " ").replace("\n", " ");
    }

    private static String pad(String value, int width) {
        return (value + " ".repeat(width)).substring(0, width);
    }

    private static String utf8(byte[] bytes, String field) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new InvalidInputException(field, "is not UTF-8 (VNACCS messages are UTF-8; TCVN3 or VNI text must be converted)");
        }
    }

    /** The items in order, each named as the form and the API name it, with its line number for the refusal. */
    private static final class Items {
        private final List<String> items;
        private int next;

        Items(List<String> items) {
            this.items = items;
        }

        String next(String name) {
            if (next >= items.size()) {
                throw new InvalidInputException(name, "is missing: the message ends at item line " + items.size());
            }
            String value = items.get(next++).strip();
            return value.isEmpty() ? null : value;
        }

        int count(String name, int max) {
            String raw = next(name);
            if (raw == null || !raw.matches("\\d{1,4}") || Integer.parseInt(raw) > max) {
                throw new InvalidInputException(name, "item line " + next + " must be the number of " + name + ", 0 to " + max);
            }
            return Integer.parseInt(raw);
        }

        void end() {
            if (next < items.size()) {
                throw new InvalidInputException("message.items", (items.size() - next) + " item line(s) after the last vehicle, from line "
                        + (next + 1) + ": the counts of goods lines and vehicles do not match the items");
            }
        }
    }
}
