package io.epewatch.continuity;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

import io.epewatch.clearance.DossierJournal;
import io.epewatch.intake.DeclarationIntake;
import io.epewatch.intake.SystemRole;
import io.epewatch.kernel.InvalidInputException;
import io.epewatch.kernel.NotFoundException;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the backup answers the primary (R6.1), and only the primary: each call carries the pair's secret, compared in
 * constant time. On a primary, or without the secret, these addresses do not exist.
 */
@RestController
@RequestMapping("/api/v1/pair")
class PairApi {

    private static final int MAX_DIRECTORY = 256 * 1024 * 1024;

    private final DeclarationIntake intake;
    private final BackupWatch watch;
    private final DossierJournal journal;
    private final DirectoryMirror directory;
    private final OutageNotices notices;
    private final JsonMapper json;

    PairApi(DeclarationIntake intake, BackupWatch watch, DossierJournal journal, DirectoryMirror directory,
            OutageNotices notices, JsonMapper json) {
        this.notices = notices;
        this.directory = directory;
        this.json = json;
        this.intake = intake;
        this.watch = watch;
        this.journal = journal;
    }

    @PostMapping("/lease")
    Grant lease(@RequestHeader(name = PairChannel.SECRET_HEADER, required = false) String secret) {
        requirePrimary(secret);
        return watch.lease();
    }

    @PostMapping("/hand-back")
    Grant handBack(@RequestHeader(name = PairChannel.SECRET_HEADER, required = false) String secret) {
        requirePrimary(secret);
        return watch.handBack();
    }

    @GetMapping("/journal")
    List<DossierJournal.Entry> journal(@RequestHeader(name = PairChannel.SECRET_HEADER, required = false) String secret,
                                       @RequestParam(defaultValue = "0") long after, @RequestParam(defaultValue = "500") int limit) {
        requirePrimary(secret);
        return journal.after(after, limit);
    }

    /** Each declaration the backup accepted, as its journal last pictured it: the backup's side of the reconciliation. */
    @GetMapping("/journal/latest")
    List<DossierJournal.Picture> latest(@RequestHeader(name = PairChannel.SECRET_HEADER, required = false) String secret) {
        requirePrimary(secret);
        return journal.latest();
    }

    /** The published outage notices, for the primary's status page once it is back (R5.9). */
    @GetMapping("/notices")
    List<OutageNotices.OutageNotice> notices(@RequestHeader(name = PairChannel.SECRET_HEADER, required = false) String secret) {
        requirePrimary(secret);
        return notices.published();
    }

    record Applied(long applied) {
    }

    @PostMapping("/handed-back")
    Grant handedBack(@RequestHeader(name = PairChannel.SECRET_HEADER, required = false) String secret, @RequestBody Applied body) {
        requirePrimary(secret);
        return watch.handedBack(body.applied());
    }

    /**
     * R6.3, R6.4: the primary's {@link Directory}, gzip-compressed; the secret is checked before the body is read, and the body may
     * not unpack to more than {@link #MAX_DIRECTORY} bytes.
     */
    @PostMapping(path = "/directory", consumes = PairChannel.GZIP)
    Directory.Applied directory(@RequestHeader(name = PairChannel.SECRET_HEADER, required = false) String secret,
                                       HttpServletRequest request) throws IOException {
        requirePrimary(secret);
        byte[] body;
        try (InputStream in = new GZIPInputStream(request.getInputStream())) {
            body = in.readNBytes(MAX_DIRECTORY + 1);
        } catch (ZipException e) {
            throw new InvalidInputException("body", "gzip", "is not gzip-compressed JSON");
        }
        if (body.length > MAX_DIRECTORY) {
            throw new InvalidInputException("body", "tooLarge", "unpacks to more than " + MAX_DIRECTORY + " bytes");
        }
        return directory.apply(json.readValue(body, Directory.class));
    }

    private void requirePrimary(String secret) {
        if (intake.role() != SystemRole.BACKUP) {
            throw new NotFoundException("pair endpoint", "on a primary");
        }
        byte[] expected = intake.settings().secret().getBytes(StandardCharsets.UTF_8);
        if (secret == null || !MessageDigest.isEqual(expected, secret.getBytes(StandardCharsets.UTF_8))) {
            throw new ResponseStatusException(HttpStatus.UNAUTHORIZED, "the pair's secret is missing or wrong");
        }
    }
}
