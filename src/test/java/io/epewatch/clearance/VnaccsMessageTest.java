package io.epewatch.clearance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import io.epewatch.declaration.DeclarationInput.VehicleInput;
import io.epewatch.kernel.InvalidInputException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** R5.1: a declaration uploaded in the VNACCS message layout — header of 400, CRLF, one item per line. */
class VnaccsMessageTest {

    static final DossierInput EXPORT = new DossierInput("SV-2026-117", "EXPORT", "E42", "0312345678", "INV-2026-117", "USD",
            "SGNHKG5001", List.of(
                    new DossierInput.Line("85423100", "Vi mạch tích hợp — bộ xử lý", "1200", "chiếc", "1.85", "VN", "12.5", "14"),
                    new DossierInput.Line("39269099", "Linh kiện nhựa", "300", "kg", "3.10", "VN", null, "320")),
            List.of(new VehicleInput("51C-123.45", List.of("MSKU4670691", "CSQU3054383"))));

    @Test
    @DisplayName("R5.1 written and read back: the same declaration, Vietnamese text and all; the header says EDA and the length in bytes")
    void roundTrip() {
        byte[] message = VnaccsMessage.write(EXPORT, Instant.parse("2026-12-04T02:00:00Z"));
        String header = new String(message, 0, 400, StandardCharsets.US_ASCII);
        assertThat(header.substring(3, 8)).isEqualTo("EDA  ");
        assertThat(Integer.parseInt(header.substring(392, 398).strip())).isEqualTo(message.length);
        DossierInput read = VnaccsMessage.parse(message);
        assertThat(read).isEqualTo(EXPORT);
    }

    @Test
    @DisplayName("R5.1 a bad message is refused naming the header field or the item")
    void refusals() {
        byte[] good = VnaccsMessage.write(EXPORT, Instant.now());
        byte[] idb = good.clone();
        System.arraycopy("IDB  ".getBytes(StandardCharsets.US_ASCII), 0, idb, 3, 5);
        assertThat(field(idb)).isEqualTo("message.header.jobCode");

        byte[] wrongLength = good.clone();
        System.arraycopy("000999".getBytes(StandardCharsets.US_ASCII), 0, wrongLength, 392, 6);
        assertThat(field(wrongLength)).isEqualTo("message.header.totalLength");

        String text = new String(good, StandardCharsets.UTF_8);
        byte[] truncated = text.substring(0, text.indexOf("51C-123.45")).getBytes(StandardCharsets.UTF_8);
        fixLength(truncated);
        assertThat(field(truncated)).isEqualTo("vehicles[0].plate");

        byte[] notCount = text.replace("\r\n2\r\n85423100", "\r\nhai\r\n85423100").getBytes(StandardCharsets.UTF_8);
        fixLength(notCount);
        assertThat(field(notCount)).isEqualTo("goods");

        byte[] latin1 = text.replace("Linh kiện nhựa", "Linh kien nhua \u00e9").getBytes(StandardCharsets.ISO_8859_1);
        fixLength(latin1);
        assertThat(field(latin1)).isEqualTo("message.items");

        assertThat(field("too short".getBytes(StandardCharsets.US_ASCII))).isEqualTo("message.header");
        assertThat(field(new byte[0])).isEqualTo("message");
    }

    private static void fixLength(byte[] message) {
        System.arraycopy(String.format("%06d", message.length).getBytes(StandardCharsets.US_ASCII), 0, message, 392, 6);
    }

    private static String field(byte[] message) {
        try {
            VnaccsMessage.parse(message);
        } catch (InvalidInputException e) {
            return e.problems().getFirst().field();
        }
        throw new AssertionError("accepted");
    }

    @Test
    @DisplayName("R5.1 items left after the last vehicle mean the counts are wrong")
    void extraItems() {
        String text = new String(VnaccsMessage.write(EXPORT, Instant.now()), StandardCharsets.UTF_8) + "thừa\r\n";
        byte[] message = text.getBytes(StandardCharsets.UTF_8);
        fixLength(message);
        assertThatThrownBy(() -> VnaccsMessage.parse(message)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("do not match");
    }
}
