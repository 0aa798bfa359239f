package io.epewatch.identity.internal;

import java.time.Clock;
import java.util.Base64;

import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.code.DefaultCodeVerifier;
import dev.samstevens.totp.code.HashingAlgorithm;
import dev.samstevens.totp.exceptions.QrGenerationException;
import dev.samstevens.totp.qr.QrData;
import dev.samstevens.totp.qr.ZxingPngQrGenerator;
import dev.samstevens.totp.secret.DefaultSecretGenerator;
import org.springframework.stereotype.Component;

/** RFC 6238 time-based one-time passwords: 6 digits, 30 s, SHA-1, as every authenticator app reads them. */
@Component
public class Totp {

    private final DefaultCodeVerifier verifier;

    Totp(Clock clock) {
        verifier = new DefaultCodeVerifier(new DefaultCodeGenerator(HashingAlgorithm.SHA1, 6),
                () -> clock.instant().getEpochSecond());
        verifier.setTimePeriod(30);
        // one step either side tolerates a phone clock a little off
        verifier.setAllowedTimePeriodDiscrepancy(1);
    }

    public String newSecret() {
        return new DefaultSecretGenerator(32).generate();
    }

    public boolean verify(String secret, String code) {
        return code != null && code.strip().matches("\\d{6}") && verifier.isValidCode(secret, code.strip());
    }

    /** The otpauth:// enrolment QR code as a data: URI for an img tag. */
    public String qrDataUri(String secret, String account) {
        QrData data = new QrData.Builder().label(account).secret(secret).issuer("EPE Watch")
                .algorithm(HashingAlgorithm.SHA1).digits(6).period(30).build();
        try {
            ZxingPngQrGenerator generator = new ZxingPngQrGenerator();
            return "data:" + generator.getImageMimeType() + ";base64," + Base64.getEncoder().encodeToString(generator.generate(data));
        } catch (QrGenerationException e) {
            throw new IllegalStateException("QR code generation failed", e);
        }
    }
}
