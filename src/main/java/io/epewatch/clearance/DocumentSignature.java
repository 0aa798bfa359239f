package io.epewatch.clearance;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignerDigestMismatchException;
import org.bouncycastle.cms.CMSVerifierCertificateNotValidException;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.OperatorCreationException;

/**
 * Checks a detached CMS/PKCS#7 signature on a supporting document against the certificates the enterprise registered
 * (R5.3). Only a registered certificate counts: a signature that verifies with a certificate it carries itself, but
 * which the enterprise never registered, is a signature of someone else.
 */
final class DocumentSignature {

    /** What the check found, in the order a reader needs it. */
    enum Status {
        /** No signature came with the document. */
        NOT_SIGNED,
        /** Signed with a registered certificate valid now, and the document is the one signed. */
        VALID,
        /** The signature does not match the document: it was changed after signing, or the signature is of another. */
        TAMPERED,
        /** Signed by a certificate the enterprise did not register (or withdrew). */
        WRONG_CERTIFICATE,
        /** Signed with a registered certificate that is not valid at the signing time or now. */
        EXPIRED,
        /** Not a CMS/PKCS#7 signature. */
        MALFORMED
    }

    /** A certificate the enterprise registered. */
    record Registered(long id, byte[] der) {
    }

    /**
     * @param certificateId the registered certificate that signed, when one did
     * @param signer        the signer's subject as the signature names it
     */
    record Verdict(Status status, String detail, String signer, Long certificateId) {
    }

    private DocumentSignature() {
    }

    static Verdict check(byte[] content, byte[] signature, List<Registered> registered, Instant now) {
        if (signature == null || signature.length == 0) {
            return new Verdict(Status.NOT_SIGNED, null, null, null);
        }
        CMSSignedData signed;
        Collection<SignerInformation> signers;
        try {
            signed = new CMSSignedData(new CMSProcessableByteArray(content), der(signature));
            signers = signed.getSignerInfos().getSigners();
        } catch (CMSException | RuntimeException e) {
            return new Verdict(Status.MALFORMED, "not a CMS/PKCS#7 signature (DER or PEM)", null, null);
        }
        if (signers.isEmpty()) {
            return new Verdict(Status.MALFORMED, "the signature names no signer", null, null);
        }
        SignerInformation signer = signers.iterator().next();
        Optional<Match> match = registered.stream().map(Match::of).flatMap(Optional::stream)
                .filter(m -> signer.getSID().match(m.holder())).findFirst();
        if (match.isEmpty()) {
            @SuppressWarnings("unchecked") // SignerId is a raw Selector of certificate holders
            Collection<X509CertificateHolder> inside = signed.getCertificates().getMatches(signer.getSID());
            String carried = inside.stream().findFirst().map(h -> h.getSubject().toString())
                    .orElse(signer.getSID().getIssuer() + ", serial " + signer.getSID().getSerialNumber());
            return new Verdict(Status.WRONG_CERTIFICATE, "signed by " + carried + ", which the enterprise did not register",
                    carried, null);
        }
        X509CertificateHolder cert = match.get().holder();
        String subject = cert.getSubject().toString();
        long id = match.get().id();
        try {
            if (!signer.verify(new JcaSimpleSignerInfoVerifierBuilder().build(cert))) {
                return new Verdict(Status.TAMPERED, "the signature does not match this document", subject, id);
            }
        } catch (CMSSignerDigestMismatchException e) {
            return new Verdict(Status.TAMPERED, "the document was changed after it was signed", subject, id);
        } catch (CMSVerifierCertificateNotValidException e) {
            return new Verdict(Status.EXPIRED, "the certificate was not valid when the document was signed (valid "
                    + cert.getNotBefore().toInstant() + " to " + cert.getNotAfter().toInstant() + ")", subject, id);
        } catch (CMSException | OperatorCreationException | java.security.cert.CertificateException | RuntimeException e) {
            return new Verdict(Status.MALFORMED, "the signature could not be checked: " + e.getMessage(), subject, id);
        }
        if (!cert.isValidOn(Date.from(now))) {
            return new Verdict(Status.EXPIRED, "the certificate is valid from " + cert.getNotBefore().toInstant() + " to "
                    + cert.getNotAfter().toInstant(), subject, id);
        }
        return new Verdict(Status.VALID, null, subject, id);
    }

    /** PEM (-----BEGIN PKCS7----- or CMS) or DER, as signing tools write them. */
    private static byte[] der(byte[] signature) {
        String text = new String(signature, 0, Math.min(signature.length, 64), StandardCharsets.US_ASCII);
        if (!text.contains("-----BEGIN")) {
            return signature;
        }
        String pem = new String(signature, StandardCharsets.US_ASCII);
        String body = pem.replaceAll("-----(BEGIN|END)[^-]*-----", "").replaceAll("\\s", "");
        return Base64.getDecoder().decode(body);
    }

    private record Match(long id, X509CertificateHolder holder) {
        static Optional<Match> of(Registered r) {
            try {
                return Optional.of(new Match(r.id(), new X509CertificateHolder(r.der())));
            } catch (IOException e) {
                return Optional.empty();
            }
        }
    }
}
