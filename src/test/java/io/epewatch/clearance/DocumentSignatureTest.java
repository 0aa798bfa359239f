package io.epewatch.clearance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.epewatch.clearance.DocumentSignature.Registered;
import io.epewatch.clearance.DocumentSignature.Status;
import io.epewatch.support.SigningCertificates;
import io.epewatch.support.SigningCertificates.Signer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** R5.3: a supporting document's detached CMS signature, checked against the certificates the enterprise registered. */
class DocumentSignatureTest {

    static final Instant NOW = Instant.parse("2026-12-04T03:00:00Z");
    static final byte[] INVOICE = "Hóa đơn thương mại INV-2026-117: 1.200 áo phông, 3,10 USD/chiếc".getBytes(StandardCharsets.UTF_8);
    static final Signer SAO_VIET = SigningCertificates.signer("CN=Công ty TNHH Sao Việt, O=0312345678, C=VN",
            NOW.minus(Duration.ofDays(100)), NOW.plus(Duration.ofDays(265)));

    @Test
    @DisplayName("R5.3 a document signed with the registered certificate is valid, in DER and in PEM")
    void valid() {
        DocumentSignature.Verdict der = DocumentSignature.check(INVOICE, SAO_VIET.sign(INVOICE), List.of(registered(SAO_VIET)), NOW);
        assertThat(der.status()).isEqualTo(Status.VALID);
        assertThat(der.signer()).contains("Sao Việt");
        assertThat(der.certificateId()).isEqualTo(7L);
        assertThat(DocumentSignature.check(INVOICE, SigningCertificates.pem(SAO_VIET.sign(INVOICE)),
                List.of(registered(SAO_VIET)), NOW).status()).isEqualTo(Status.VALID);
    }

    @Test
    @DisplayName("R5.3 one byte changed after signing: tampered")
    void tampered() {
        byte[] signature = SAO_VIET.sign(INVOICE);
        byte[] changed = INVOICE.clone();
        changed[changed.length - 8] = '9';
        DocumentSignature.Verdict verdict = DocumentSignature.check(changed, signature, List.of(registered(SAO_VIET)), NOW);
        assertThat(verdict.status()).isEqualTo(Status.TAMPERED);
        assertThat(verdict.detail()).contains("changed");
    }

    @Test
    @DisplayName("R5.3 signed by a certificate the enterprise did not register: wrong certificate, naming the signer")
    void wrongCertificate() {
        Signer other = SigningCertificates.signer("CN=Công ty khác, O=0300000001, C=VN",
                NOW.minus(Duration.ofDays(10)), NOW.plus(Duration.ofDays(10)));
        DocumentSignature.Verdict verdict = DocumentSignature.check(INVOICE, other.sign(INVOICE), List.of(registered(SAO_VIET)), NOW);
        assertThat(verdict.status()).isEqualTo(Status.WRONG_CERTIFICATE);
        assertThat(verdict.detail()).contains("0300000001");
        assertThat(DocumentSignature.check(INVOICE, SAO_VIET.sign(INVOICE), List.of(), NOW).status())
                .as("nothing registered").isEqualTo(Status.WRONG_CERTIFICATE);
    }

    @Test
    @DisplayName("R5.3 signed with a registered certificate that has expired: expired")
    void expired() {
        Signer old = SigningCertificates.signer("CN=Công ty TNHH Sao Việt, O=0312345678, C=VN",
                NOW.minus(Duration.ofDays(400)), NOW.minus(Duration.ofDays(35)));
        DocumentSignature.Verdict verdict = DocumentSignature.check(INVOICE, old.sign(INVOICE), List.of(registered(old)), NOW);
        assertThat(verdict.status()).isEqualTo(Status.EXPIRED);
    }

    @Test
    @DisplayName("R5.3 no signature, or bytes that are not one")
    void notSignedOrMalformed() {
        assertThat(DocumentSignature.check(INVOICE, null, List.of(registered(SAO_VIET)), NOW).status()).isEqualTo(Status.NOT_SIGNED);
        assertThat(DocumentSignature.check(INVOICE, "<xml>chữ ký</xml>".getBytes(StandardCharsets.UTF_8),
                List.of(registered(SAO_VIET)), NOW).status()).isEqualTo(Status.MALFORMED);
        assertThat(DocumentSignature.check(INVOICE, "-----BEGIN PKCS7-----\n!!!\n-----END PKCS7-----".getBytes(StandardCharsets.US_ASCII),
                List.of(registered(SAO_VIET)), NOW).status()).isEqualTo(Status.MALFORMED);
    }

    private static Registered registered(Signer signer) {
        return new Registered(7L, signer.certificateDer());
    }
}
