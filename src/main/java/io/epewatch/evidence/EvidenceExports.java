package io.epewatch.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import io.epewatch.identity.AuditTrail;
import io.epewatch.identity.InstallationKey;
import io.epewatch.identity.Caller;
import io.epewatch.kernel.InputCheck;
import io.epewatch.kernel.NotFoundException;
import io.epewatch.kernel.Sha256;
import io.epewatch.kernel.Timestamps;
import io.epewatch.registry.Enterprises;
import io.epewatch.kernel.DataDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Export packages (R2.2: the EPE exports footage on request, customs keeps it as evidence): one camera's evidence in a
 * time window as a zip with the media, {@code manifest.json} (who, when, why, what, each file's SHA-256) and the
 * installation's Ed25519 signature over the manifest. Every export and download is audited.
 */
@Service
public class EvidenceExports {

    private static final int MAX_FILES = 500;

    private final EvidenceStore store;
    private final Enterprises enterprises;
    private final InstallationKey signer;
    private final AuditTrail audit;
    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final java.time.Clock clock;
    private final Path exports;

    EvidenceExports(EvidenceStore store, Enterprises enterprises, InstallationKey signer, AuditTrail audit, JdbcClient jdbc,
                    JsonMapper json, java.time.Clock clock, DataDir dataDir) {
        this.store = store;
        this.enterprises = enterprises;
        this.signer = signer;
        this.audit = audit;
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
        this.exports = dataDir.resolve("exports");
    }

    @Transactional
    public ExportPackage export(Caller caller, ExportRequest request) {
        requireCustoms(caller);
        InputCheck check = new InputCheck();
        check.require("enterpriseTaxCode", request.enterpriseTaxCode());
        check.require("cameraNumber", request.cameraNumber());
        Instant from = check.parse("from", request.from(), Timestamps::parse);
        Instant to = check.parse("to", request.to(), Timestamps::parse);
        if (from != null && to != null && !from.isBefore(to)) {
            check.reject("to", "windowOrder", "must be after from");
        }
        if (check.require("reason", request.reason()) && request.reason().strip().length() < 10) {
            check.reject("reason", "exportReason", "say in at least 10 characters why the evidence is exported");
        }
        check.throwIfAny();
        String taxCode = request.enterpriseTaxCode().strip();
        if (enterprises.visibleTaxCodes(caller.access(), taxCode).isEmpty()) {
            throw new NotFoundException("enterprise", taxCode);
        }
        List<EvidenceItem> items = store.capturedBy(taxCode, request.cameraNumber().strip(), from, to);
        if (items.isEmpty()) {
            throw new io.epewatch.kernel.InvalidInputException("from", "no evidence of this camera in the window");
        }
        if (items.size() > MAX_FILES) {
            throw new io.epewatch.kernel.InvalidInputException("to", "more than " + MAX_FILES + " items; choose a shorter window");
        }
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        Path zip = exports.resolve(id + ".zip");
        List<Map<String, Object>> files = new ArrayList<>();
        try {
            Files.createDirectories(exports);
            try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
                for (EvidenceItem item : items) {
                    byte[] content = read(item);
                    if (!Sha256.hex(content).equals(item.sha256())) {
                        throw new IllegalStateException("evidence " + item.id() + " failed its integrity check; not exported");
                    }
                    String name = "media/" + item.capturedAt().toString().replace(':', '-') + "_" + item.id() + "." + MediaFiles.extension(item.mediaType());
                    put(out, name, content);
                    Map<String, Object> file = new LinkedHashMap<>();
                    file.put("name", name);
                    file.put("sha256", item.sha256());
                    file.put("sizeBytes", item.sizeBytes());
                    file.put("mediaType", item.mediaType());
                    file.put("capturedAt", item.capturedAt().toString());
                    file.put("evidenceId", item.id().toString());
                    files.add(file);
                }
                Map<String, Object> manifest = new LinkedHashMap<>();
                manifest.put("package", id.toString());
                manifest.put("createdAt", now.toString());
                manifest.put("exportedBy", caller.name());
                manifest.put("reason", request.reason().strip());
                manifest.put("enterpriseTaxCode", taxCode);
                manifest.put("cameraNumber", request.cameraNumber().strip());
                manifest.put("window", Map.of("from", from.toString(), "to", to.toString()));
                manifest.put("files", files);
                manifest.put("signatureAlgorithm", "Ed25519");
                manifest.put("signingKey", signer.publicKeyBase64());
                byte[] manifestBytes = json.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest);
                put(out, "manifest.json", manifestBytes);
                put(out, "manifest.sig", java.util.Base64.getEncoder().encodeToString(signer.sign(manifestBytes)).getBytes(StandardCharsets.US_ASCII));
            }
            String sha256 = Sha256.hex(Files.readAllBytes(zip));
            jdbc.sql("""
                            insert into evidence_export (id, enterprise_tax_code, camera_number, window_from, window_to, reason,
                                created_by, created_at, files, sha256, location) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(id, taxCode, request.cameraNumber().strip(), Timestamp.from(from), Timestamp.from(to),
                            request.reason().strip(), caller.name(), Timestamp.from(now), files.size(), sha256, zip.getFileName().toString())
                    .update();
            audit.record(caller.name(), "EVIDENCE_EXPORTED", taxCode, "camera:" + request.cameraNumber().strip(),
                    Map.of("package", id.toString(), "files", files.size(), "reason", request.reason().strip()));
            return new ExportPackage(id, files.size(), sha256, now, signer.fingerprint());
        } catch (IOException e) {
            throw new UncheckedIOException("export package could not be written", e);
        } catch (RuntimeException e) {
            try {
                Files.deleteIfExists(zip);
            } catch (IOException ignored) {
                // nothing more to clean up
            }
            throw e;
        }
    }

    /** The package file for a download by customs staff who may see its enterprise; audited. */
    @Transactional
    public Path download(Caller caller, UUID id) {
        requireCustoms(caller);
        Optional<String[]> row = jdbc.sql("select enterprise_tax_code, location from evidence_export where id = ?").param(id)
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)}).optional();
        if (row.isEmpty() || enterprises.visibleTaxCodes(caller.access(), row.get()[0]).isEmpty()) {
            throw new NotFoundException("export package", id.toString());
        }
        audit.record(caller.name(), "EVIDENCE_DOWNLOADED", row.get()[0], "export:" + id, Map.of());
        return exports.resolve(row.get()[1]);
    }

    private byte[] read(EvidenceItem item) throws IOException {
        try (InputStream in = store.open(item.id()).orElseThrow(() -> new NotFoundException("evidence", item.id().toString()))) {
            return in.readAllBytes();
        }
    }

    private static void put(ZipOutputStream out, String name, byte[] content) throws IOException {
        out.putNextEntry(new ZipEntry(name));
        out.write(content);
        out.closeEntry();
    }

    private static void requireCustoms(Caller caller) {
        if (!caller.isCustoms()) {
            throw new AccessDeniedException("only customs staff export evidence");
        }
    }

}
