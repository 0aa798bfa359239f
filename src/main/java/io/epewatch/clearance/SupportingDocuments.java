package io.epewatch.clearance;

import java.io.ByteArrayInputStream;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import io.epewatch.identity.AuditTrail;
import io.epewatch.identity.Caller;
import io.epewatch.identity.Role;
import io.epewatch.kernel.InputCheck;
import io.epewatch.kernel.InvalidInputException;
import io.epewatch.kernel.NotFoundException;
import io.epewatch.kernel.Sha256;
import io.epewatch.registry.Enterprises;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A declaration's supporting documents — invoice, packing list, bill of lading, contract, permits (R5.3) — each with
 * the detached signature that came with it, checked when it is attached against the certificates the enterprise
 * registered; and those certificates.
 */
@Service
public class SupportingDocuments {

    public enum Kind { INVOICE, PACKING_LIST, BILL_OF_LADING, CONTRACT, PERMIT, OTHER }

    /** A registered signing certificate. */
    public record Certificate(long id, String enterpriseTaxCode, String subject, String issuer, String serial,
                              Instant notBefore, Instant notAfter, String sha256, String registeredBy,
                              Instant registeredAt, Instant withdrawnAt) {
    }

    /**
     * A document as listed beside its declaration: what the signature check found, never the bytes.
     *
     * @param signatureStatus NOT_SIGNED, VALID, TAMPERED, WRONG_CERTIFICATE, EXPIRED or MALFORMED
     */
    public record Document(long id, String declarationNumber, Kind kind, String fileName, String mediaType, long sizeBytes,
                           String sha256, String signatureStatus, String signatureDetail, String signer,
                           String uploadedBy, Instant uploadedAt) {

        public boolean signatureValid() {
            return "VALID".equals(signatureStatus);
        }
    }

    /** A document's bytes, to download. */
    public record Content(String fileName, String mediaType, byte[] bytes) {
    }

    static final int MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;
    private static final int MAX_SIGNATURE_BYTES = 256 * 1024;
    private static final int MAX_CERTIFICATE_BYTES = 64 * 1024;
    private static final String DOCUMENT_COLUMNS = """
            dd.id, d.number, dd.kind, dd.file_name, dd.media_type, length(dd.content) size_bytes, dd.sha256,
            dd.signature_status, dd.signature_detail, dd.signer, dd.uploaded_by, dd.uploaded_at""";
    private static final String CERTIFICATE_COLUMNS = """
            id, enterprise_tax_code, subject, issuer, serial, not_before, not_after, sha256, registered_by, registered_at,
            withdrawn_at""";

    private final JdbcClient jdbc;
    private final DossierLedger ledger;
    private final Enterprises enterprises;
    private final AuditTrail audit;

    SupportingDocuments(JdbcClient jdbc, DossierLedger ledger, Enterprises enterprises, AuditTrail audit) {
        this.jdbc = jdbc;
        this.ledger = ledger;
        this.enterprises = enterprises;
        this.audit = audit;
    }

    /**
     * Registers a signing certificate (PEM or DER) for the enterprise: by the enterprise's own people, or by customs of
     * its managing unit. The same certificate again answers the one registered.
     */
    @Transactional
    public Certificate registerCertificate(Caller caller, String taxCode, byte[] encoded) {
        DeclarantMandates.requireKeeper(enterprises, caller, taxCode);
        if (encoded == null || encoded.length == 0 || encoded.length > MAX_CERTIFICATE_BYTES) {
            throw new InvalidInputException("certificate", "must be an X.509 certificate, PEM or DER, of at most 64 KiB");
        }
        X509Certificate cert;
        try {
            cert = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(encoded));
        } catch (CertificateException | ClassCastException e) {
            throw new InvalidInputException("certificate", "is not an X.509 certificate (PEM or DER)");
        }
        byte[] der;
        try {
            der = cert.getEncoded();
        } catch (CertificateException e) {
            throw new InvalidInputException("certificate", "could not be read back: " + e.getMessage());
        }
        String sha256 = Sha256.hex(der);
        Optional<Certificate> known = certificate(taxCode, sha256);
        if (known.isPresent() && known.get().withdrawnAt() == null) {
            return known.get();
        }
        if (!cert.getNotAfter().toInstant().isAfter(ledger.now())) {
            throw new InvalidInputException("certificate", "expired on " + cert.getNotAfter().toInstant() + "; register the current one");
        }
        jdbc.sql("""
                        insert into enterprise_certificate (enterprise_tax_code, subject, issuer, serial, not_before, not_after,
                            sha256, der, registered_by, registered_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        on conflict (enterprise_tax_code, sha256) do update set withdrawn_at = null,
                            registered_by = excluded.registered_by, registered_at = excluded.registered_at""")
                .params(taxCode, cert.getSubjectX500Principal().getName(), cert.getIssuerX500Principal().getName(),
                        cert.getSerialNumber().toString(16), Timestamp.from(cert.getNotBefore().toInstant()),
                        Timestamp.from(cert.getNotAfter().toInstant()), sha256, der, caller.name(), Timestamp.from(ledger.now()))
                .update();
        Certificate saved = certificate(taxCode, sha256).orElseThrow();
        audit.record(caller.name(), AuditTrail.Actions.CONFIGURATION_CHANGED, taxCode, "signing-certificate:" + saved.id(),
                Map.of("subject", saved.subject(), "sha256", sha256, "notAfter", saved.notAfter().toString()));
        return saved;
    }

    public List<Certificate> certificates(Caller caller, String taxCode) {
        enterprises.find(caller.access(), taxCode).orElseThrow(() -> new NotFoundException("enterprise", taxCode));
        return jdbc.sql("select " + CERTIFICATE_COLUMNS + " from enterprise_certificate where enterprise_tax_code = ? order by registered_at desc")
                .param(taxCode).query((rs, n) -> certificate(rs)).list();
    }

    /** Withdraws a certificate: documents signed with it from now on are signed by an unregistered certificate. */
    @Transactional
    public void withdrawCertificate(Caller caller, String taxCode, long id) {
        DeclarantMandates.requireKeeper(enterprises, caller, taxCode);
        int changed = jdbc.sql("update enterprise_certificate set withdrawn_at = ? where id = ? and enterprise_tax_code = ? and withdrawn_at is null")
                .params(Timestamp.from(ledger.now()), id, taxCode).update();
        if (changed == 0) {
            throw new NotFoundException("certificate", String.valueOf(id));
        }
        audit.record(caller.name(), AuditTrail.Actions.CONFIGURATION_CHANGED, taxCode, "signing-certificate:" + id,
                Map.of("withdrawn", true));
    }

    /**
     * Attaches a document to the declaration, with its detached signature when there is one, checked now. The same
     * file of the same kind again answers the one attached (an upload is idempotent).
     */
    @Transactional
    public Document attach(Caller caller, String number, String kind, String fileName, String mediaType, byte[] content,
                           byte[] signature) {
        if (!caller.has(Role.DECLARANT)) {
            throw new AccessDeniedException("the declarant attaches documents");
        }
        Dossier d = ledger.lock(caller, number);
        if (d.state().ended()) {
            throw DossierLedger.refused(d, "is " + d.state() + "; documents are attached to a live declaration");
        }
        InputCheck check = new InputCheck();
        Kind chosen = check.parse("kind", kind, raw -> InputCheck.parseEnum(Kind.class, raw,
                "INVOICE, PACKING_LIST, BILL_OF_LADING, CONTRACT, PERMIT or OTHER"));
        String name = fileName == null || fileName.isBlank() ? null : fileName.strip();
        check.requireText("file", name, 255);
        if (content == null || content.length == 0) {
            check.reject("file", "is empty");
        } else if (content.length > MAX_DOCUMENT_BYTES) {
            check.reject("file", "is larger than 10 MiB");
        }
        if (signature != null && signature.length > MAX_SIGNATURE_BYTES) {
            check.reject("signature", "is larger than 256 KiB; a detached signature is a few kilobytes");
        }
        check.throwIfAny();
        String sha256 = Sha256.hex(content);
        Optional<Document> same = document(d.id(), sha256, chosen);
        if (same.isPresent()) {
            return same.get();
        }
        Instant now = ledger.now();
        DocumentSignature.Verdict verdict = DocumentSignature.check(content, signature == null || signature.length == 0
                ? null : signature, registered(d.enterpriseTaxCode()), now);
        String media = mediaType == null || mediaType.isBlank() ? "application/octet-stream" : mediaType.strip().toLowerCase(Locale.ROOT);
        long id = jdbc.sql("""
                        insert into dossier_document (dossier_id, kind, file_name, media_type, content, sha256, signature,
                            signature_status, signature_detail, signer, certificate_id, uploaded_by, uploaded_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(d.id(), chosen.name(), name, media, content, sha256, verdict.status() == DocumentSignature.Status.NOT_SIGNED
                                ? null : signature, verdict.status().name(), verdict.detail(), verdict.signer(), verdict.certificateId(),
                        caller.name(), Timestamp.from(now))
                .query(Long.class).single();
        ledger.journalDocument(id);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("kind", chosen.name());
        details.put("file", name);
        details.put("sha256", sha256);
        details.put("signature", verdict.status().name());
        audit.record(caller.name(), AuditTrail.Actions.DECLARATION_STEP, d.enterpriseTaxCode(), "declaration:" + number, details);
        return document(d.id(), sha256, chosen).orElseThrow();
    }

    public List<Document> documents(Caller caller, String number) {
        return ledger.find(caller, number).map(d -> jdbc.sql("select " + DOCUMENT_COLUMNS
                        + " from dossier_document dd join dossier d on d.id = dd.dossier_id where dd.dossier_id = ? order by dd.id")
                .param(d.id()).query((rs, n) -> document(rs)).list()).orElse(List.of());
    }

    public Optional<Content> open(Caller caller, String number, long id) {
        return ledger.find(caller, number).flatMap(d -> jdbc.sql(
                        "select file_name, media_type, content from dossier_document where id = ? and dossier_id = ?")
                .params(id, d.id()).query((rs, n) -> new Content(rs.getString("file_name"), rs.getString("media_type"),
                        rs.getBytes("content"))).optional());
    }

    private List<DocumentSignature.Registered> registered(String taxCode) {
        return jdbc.sql("select id, der from enterprise_certificate where enterprise_tax_code = ? and withdrawn_at is null")
                .param(taxCode).query((rs, n) -> new DocumentSignature.Registered(rs.getLong("id"), rs.getBytes("der"))).list();
    }

    private Optional<Document> document(long dossierId, String sha256, Kind kind) {
        return jdbc.sql("select " + DOCUMENT_COLUMNS + " from dossier_document dd join dossier d on d.id = dd.dossier_id "
                        + "where dd.dossier_id = ? and dd.sha256 = ? and dd.kind = ?")
                .params(dossierId, sha256, kind.name()).query((rs, n) -> document(rs)).optional();
    }

    private Optional<Certificate> certificate(String taxCode, String sha256) {
        return jdbc.sql("select " + CERTIFICATE_COLUMNS + " from enterprise_certificate where enterprise_tax_code = ? and sha256 = ?")
                .params(taxCode, sha256).query((rs, n) -> certificate(rs)).optional();
    }

    private static Document document(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Document(rs.getLong("id"), rs.getString("number"), Kind.valueOf(rs.getString("kind")), rs.getString("file_name"),
                rs.getString("media_type"), rs.getLong("size_bytes"), rs.getString("sha256"), rs.getString("signature_status"),
                rs.getString("signature_detail"), rs.getString("signer"), rs.getString("uploaded_by"),
                rs.getTimestamp("uploaded_at").toInstant());
    }

    private static Certificate certificate(java.sql.ResultSet rs) throws java.sql.SQLException {
        Timestamp withdrawn = rs.getTimestamp("withdrawn_at");
        return new Certificate(rs.getLong("id"), rs.getString("enterprise_tax_code"), rs.getString("subject"),
                rs.getString("issuer"), rs.getString("serial"), rs.getTimestamp("not_before").toInstant(),
                rs.getTimestamp("not_after").toInstant(), rs.getString("sha256"), rs.getString("registered_by"),
                rs.getTimestamp("registered_at").toInstant(), withdrawn == null ? null : withdrawn.toInstant());
    }

}
