package io.epewatch.registry.web;

import java.util.List;

import io.epewatch.identity.CurrentCaller;
import io.epewatch.identity.Permissions;
import io.epewatch.kernel.NotFoundException;
import io.epewatch.registry.AppendixIApplicability;
import io.epewatch.registry.AppendixIRow;
import io.epewatch.registry.Camera;
import io.epewatch.registry.CameraCredentials;
import io.epewatch.registry.CameraInput;
import io.epewatch.registry.CameraSpecs;
import io.epewatch.registry.Enterprise;
import io.epewatch.registry.EnterpriseInput;
import io.epewatch.registry.Enterprises;
import io.epewatch.registry.Location;
import io.epewatch.registry.LocationInput;
import io.epewatch.registry.LocationKind;
import io.epewatch.registry.SiteDiagram;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/enterprises")
@Tag(name = "Registry", description = "Enterprises, locations and numbered cameras (R1.1, R1.4, R1.7, R1.8)")
class EnterpriseApi {

    private final Enterprises enterprises;
    private final SiteDiagram diagram;
    private final CameraCredentials credentials;
    private final CurrentCaller caller;

    EnterpriseApi(Enterprises enterprises, SiteDiagram diagram, CameraCredentials credentials, CurrentCaller caller) {
        this.enterprises = enterprises;
        this.diagram = diagram;
        this.credentials = credentials;
        this.caller = caller;
    }

    /** An enterprise with whether Appendix I binds its cameras (R1.8). */
    record EnterpriseView(String taxCode, String name, String address, java.time.LocalDate establishedOn,
                          java.time.LocalDate investmentCertificateOn, boolean operatingWithCameras, String contactName,
                          String contactPhone, long managingUnitId, AppendixIApplicability appendixI) {
        static EnterpriseView of(Enterprise e) {
            return new EnterpriseView(e.taxCode(), e.name(), e.address(), e.establishedOn(), e.investmentCertificateOn(),
                    e.operatingWithCameras(), e.contactName(), e.contactPhone(), e.managingUnitId(), e.appendixI());
        }
    }

    /** A camera with what the law derives from it: online link (R1.7) and Appendix I rows (R1.8). */
    record CameraView(String number, String location, LocationKind kind, String streamUrl, String snapshotUrl,
                      String onvifUrl, String onvifProfile, io.epewatch.registry.RtspTransport rtspTransport, String direction,
                      boolean mustConnectOnline, java.time.Instant retiredAt, boolean appendixIApplies, List<Integer> appendixIFailedRows,
                      List<AppendixIRow> appendixI, CameraSpecs specs) {
        static CameraView of(Camera c, boolean applies) {
            return new CameraView(c.number(), c.locationName(), c.locationKind(), c.streamUrl(), c.snapshotUrl(),
                    c.onvifUrl(), c.onvifProfile(), c.rtspTransport(), c.direction(), c.mustConnectOnline(), c.retiredAt(), applies,
                    c.appendixIFailures().stream().map(AppendixIRow::number).toList(), c.appendixI(), c.specs());
        }
    }

    @GetMapping
    @PreAuthorize(Permissions.READ)
    @Operation(summary = "Enterprises the caller may see")
    List<EnterpriseView> list() {
        return enterprises.list(caller.get().access()).stream().map(EnterpriseView::of).toList();
    }

    @GetMapping("/{taxCode}")
    @PreAuthorize(Permissions.READ)
    EnterpriseView get(@PathVariable String taxCode) {
        return EnterpriseView.of(visible(taxCode));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(Permissions.CUSTOMS)
    @Operation(summary = "Register an enterprise in the caller's sub-department")
    EnterpriseView register(@RequestBody EnterpriseInput input) {
        return EnterpriseView.of(enterprises.register(caller.get(), input));
    }

    @PutMapping("/{taxCode}")
    @PreAuthorize(Permissions.CUSTOMS)
    EnterpriseView update(@PathVariable String taxCode, @RequestBody EnterpriseInput input) {
        return EnterpriseView.of(enterprises.update(caller.get(), taxCode, input));
    }

    @GetMapping("/{taxCode}/locations")
    @PreAuthorize(Permissions.READ)
    List<Location> locations(@PathVariable String taxCode) {
        return diagram.locations(caller.get().access(), taxCode);
    }

    @PostMapping("/{taxCode}/locations")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(Permissions.EDIT_REGISTRY)
    Location addLocation(@PathVariable String taxCode, @RequestBody LocationInput input) {
        return diagram.addLocation(caller.get(), taxCode, input);
    }

    @PutMapping("/{taxCode}/locations/{id}")
    @PreAuthorize(Permissions.EDIT_REGISTRY)
    Location updateLocation(@PathVariable String taxCode, @PathVariable long id, @RequestBody LocationInput input) {
        return diagram.updateLocation(caller.get(), taxCode, id, input);
    }

    @GetMapping("/{taxCode}/cameras")
    @PreAuthorize(Permissions.READ)
    @Operation(summary = "Cameras on the site diagram, with their diagram number and location kind")
    List<CameraView> cameras(@PathVariable String taxCode) {
        boolean applies = visible(taxCode).appendixI().binding();
        return diagram.cameras(caller.get().access(), taxCode).stream().map(c -> CameraView.of(c, applies)).toList();
    }

    @PostMapping("/{taxCode}/cameras")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(Permissions.EDIT_REGISTRY)
    CameraView addCamera(@PathVariable String taxCode, @RequestBody CameraInput input) {
        Camera camera = diagram.addCamera(caller.get(), taxCode, input);
        return CameraView.of(camera, visible(taxCode).appendixI().binding());
    }

    @PutMapping("/{taxCode}/cameras/{number}")
    @PreAuthorize(Permissions.EDIT_REGISTRY)
    CameraView updateCamera(@PathVariable String taxCode, @PathVariable String number, @RequestBody CameraInput input) {
        Camera camera = diagram.updateCamera(caller.get(), taxCode, number, input);
        return CameraView.of(camera, visible(taxCode).appendixI().binding());
    }

    record Retirement(Boolean retired) {
    }

    @PutMapping("/{taxCode}/cameras/{number}/retirement")
    @PreAuthorize(Permissions.EDIT_REGISTRY)
    @Operation(summary = "Take a camera out of service ({\"retired\": true}) or put it back; a retired camera covers nothing (R1.1, R1.3)")
    CameraView retire(@PathVariable String taxCode, @PathVariable String number, @RequestBody Retirement input) {
        if (input == null || input.retired() == null) {
            io.epewatch.kernel.InputCheck check = new io.epewatch.kernel.InputCheck();
            check.require("retired", null);
            check.throwIfAny();
        }
        Camera camera = diagram.retireCamera(caller.get(), taxCode, number, input.retired());
        return CameraView.of(camera, visible(taxCode).appendixI().binding());
    }

    record CredentialInput(String username, String password) {
        @Override
        public String toString() {
            return "CredentialInput[****]";
        }
    }

    /** Whether the EPE has handed over this camera's account; the account itself is never returned. */
    @GetMapping("/{taxCode}/cameras/{number}/credentials")
    @PreAuthorize(Permissions.READ)
    CameraCredentials.Status credentialStatus(@PathVariable String taxCode, @PathVariable String number) {
        return credentials.status(caller.get(), taxCode, number);
    }

    @PutMapping("/{taxCode}/cameras/{number}/credentials")
    @PreAuthorize(Permissions.EDIT_REGISTRY)
    @Operation(summary = "Store the camera account the EPE hands over (R2.2); sealed with AES-256-GCM, never returned")
    CameraCredentials.Status storeCredentials(@PathVariable String taxCode, @PathVariable String number,
                                              @RequestBody CredentialInput input) {
        credentials.store(caller.get(), taxCode, number, input.username(), input.password());
        return credentials.status(caller.get(), taxCode, number);
    }

    private Enterprise visible(String taxCode) {
        return enterprises.find(caller.get().access(), taxCode).orElseThrow(() -> new NotFoundException("enterprise", taxCode));
    }
}
