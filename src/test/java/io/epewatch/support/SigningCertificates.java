package io.epewatch.support;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/** Self-signed certificates and detached CMS signatures made the way an enterprise's signing tool makes them. */
public final class SigningCertificates {

    private static final AtomicLong SERIAL = new AtomicLong(System.nanoTime());

    /** A key and its certificate, able to sign a document. */
    public record Signer(KeyPair keys, X509Certificate certificate) {

        public byte[] certificateDer() {
            try {
                return certificate.getEncoded();
            } catch (java.security.cert.CertificateEncodingException e) {
                throw new IllegalStateException(e);
            }
        }

        public String certificatePem() {
            return "-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                    .encodeToString(certificateDer()) + "\n-----END CERTIFICATE-----\n";
        }

        /** A detached signature (the document is not inside it), DER-encoded. */
        public byte[] sign(byte[] document) {
            try {
                ContentSigner signer = new JcaContentSignerBuilder("SHA256withRSA").build(keys.getPrivate());
                CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
                generator.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build())
                        .build(signer, certificate));
                generator.addCertificates(new JcaCertStore(List.of(certificate)));
                return generator.generate(new CMSProcessableByteArray(document), false).getEncoded();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private SigningCertificates() {
    }

    public static Signer signer(String subject, Instant notBefore, Instant notAfter) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair keys = generator.generateKeyPair();
            X500Name name = new X500Name(subject);
            X509CertificateHolder holder = new JcaX509v3CertificateBuilder(name, BigInteger.valueOf(SERIAL.incrementAndGet()),
                    Date.from(notBefore), Date.from(notAfter), name, keys.getPublic())
                    .build(new JcaContentSignerBuilder("SHA256withRSA").build(keys.getPrivate()));
            return new Signer(keys, new JcaX509CertificateConverter().getCertificate(holder));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static byte[] pem(byte[] signature) {
        return ("-----BEGIN PKCS7-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(signature)
                + "\n-----END PKCS7-----\n").getBytes(StandardCharsets.US_ASCII);
    }
}
