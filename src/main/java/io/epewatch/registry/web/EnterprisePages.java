package io.epewatch.registry.web;

import java.util.function.Supplier;

import io.epewatch.identity.CurrentCaller;
import io.epewatch.identity.Permissions;
import io.epewatch.identity.UnitKind;
import io.epewatch.identity.Units;
import io.epewatch.kernel.InvalidInputException;
import io.epewatch.kernel.NotFoundException;
import io.epewatch.registry.Camera;
import io.epewatch.registry.CameraCredentials;
import io.epewatch.registry.Enterprise;
import io.epewatch.registry.Enterprises;
import io.epewatch.registry.GoodsKind;
import io.epewatch.registry.Location;
import io.epewatch.registry.LocationKind;
import io.epewatch.registry.SiteDiagram;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Pages to list, register and edit enterprises, their locations and cameras. */
@Controller
class EnterprisePages {

    private final Enterprises enterprises;
    private final SiteDiagram diagram;
    private final Units units;
    private final CameraCredentials credentials;
    private final CurrentCaller caller;
    private final MessageSource messages;

    EnterprisePages(Enterprises enterprises, SiteDiagram diagram, Units units, CameraCredentials credentials,
                    CurrentCaller caller, MessageSource messages) {
        this.enterprises = enterprises;
        this.diagram = diagram;
        this.units = units;
        this.credentials = credentials;
        this.caller = caller;
        this.messages = messages;
    }

    @GetMapping("/enterprises")
    String list(Model model) {
        model.addAttribute("enterprises", enterprises.list(caller.get().access()));
        return "registry/enterprises";
    }

    @GetMapping("/enterprises/new")
    String newForm(Model model) {
        return enterpriseForm(model, new EnterpriseForm(), null);
    }

    @PostMapping("/enterprises")
    @PreAuthorize(Permissions.CUSTOMS)
    String register(@ModelAttribute("form") EnterpriseForm form, Model model) {
        return attempt(model, () -> enterpriseForm(model, form, null),
                () -> "redirect:/enterprises/" + enterprises.register(caller.get(), form.toInput()).taxCode());
    }

    @GetMapping("/enterprises/{taxCode}")
    String detail(@PathVariable String taxCode, Model model) {
        return detailPage(taxCode, model, new LocationForm(), new CameraForm());
    }

    @GetMapping("/enterprises/{taxCode}/edit")
    String editForm(@PathVariable String taxCode, Model model) {
        return enterpriseForm(model, EnterpriseForm.of(visible(taxCode)), taxCode);
    }

    @PostMapping("/enterprises/{taxCode}")
    @PreAuthorize(Permissions.CUSTOMS)
    String update(@PathVariable String taxCode, @ModelAttribute("form") EnterpriseForm form, Model model) {
        return attempt(model, () -> enterpriseForm(model, form, taxCode), () -> {
            enterprises.update(caller.get(), taxCode, form.toInput());
            return "redirect:/enterprises/" + taxCode;
        });
    }

    @PostMapping("/enterprises/{taxCode}/locations")
    @PreAuthorize(Permissions.EDIT_REGISTRY)
    String addLocation(@PathVariable String taxCode, @ModelAttribute("locationForm") LocationForm form, Model model) {
        return attempt(model, () -> detailPage(taxCode, model, form, new CameraForm()), () -> {
            diagram.addLocation(caller.get(), taxCode, form.toInput());
            return "redirect:/enterprises/" + taxCode;
        });
    }

    @PostMapping("/enterprises/{taxCode}/cameras")
    @PreAuthorize(Permissions.EDIT_REGISTRY)
    String addCamera(@PathVariable String taxCode, @ModelAttribute("cameraForm") CameraForm form, Model model) {
        return attempt(model, () -> detailPage(taxCode, model, new LocationForm(), form), () -> {
            Camera camera = diagram.addCamera(caller.get(), taxCode, form.toInput());
            return "redirect:/enterprises/" + taxCode + "/cameras/" + camera.number();
        });
    }

    @GetMapping("/enterprises/{taxCode}/locations/{id}")
    String location(@PathVariable String taxCode, @PathVariable long id, Model model) {
        return locationPage(taxCode, id, LocationForm.of(location(taxCode, id)), model);
    }

    @PostMapping("/enterprises/{taxCode}/locations/{id}")
    @PreAuthorize(Permissions.EDIT_REGISTRY)
    String updateLocation(@PathVariable String taxCode, @PathVariable long id,
                          @ModelAttribute("locationForm") LocationForm form, Model model) {
        return attempt(model, () -> locationPage(taxCode, id, form, model), () -> {
            diagram.updateLocation(caller.get(), taxCode, id, form.toInput());
            return "redirect:/enterprises/" + taxCode;
        });
    }

    @GetMapping("/enterprises/{taxCode}/cameras/{number}")
    String camera(@PathVariable String taxCode, @PathVariable String number, Model model) {
        Camera camera = camera(taxCode, number);
        return cameraPage(taxCode, camera, CameraForm.of(camera), model);
    }

    @PostMapping("/enterprises/{taxCode}/cameras/{number}")
    @PreAuthorize(Permissions.EDIT_REGISTRY)
    String updateCamera(@PathVariable String taxCode, @PathVariable String number,
                        @ModelAttribute("cameraForm") CameraForm form, Model model) {
        return attempt(model, () -> cameraPage(taxCode, camera(taxCode, number), form, model), () -> {
            Camera camera = diagram.updateCamera(caller.get(), taxCode, number, form.toInput());
            return "redirect:/enterprises/" + taxCode + "/cameras/" + camera.number();
        });
    }

    @PostMapping("/enterprises/{taxCode}/cameras/{number}/retirement")
    @PreAuthorize(Permissions.EDIT_REGISTRY)
    String retireCamera(@PathVariable String taxCode, @PathVariable String number, @RequestParam(defaultValue = "true") boolean retired) {
        diagram.retireCamera(caller.get(), taxCode, number, retired);
        return "redirect:/enterprises/" + taxCode + "/cameras/" + number;
    }

    @PostMapping("/enterprises/{taxCode}/cameras/{number}/credentials")
    @PreAuthorize(Permissions.EDIT_REGISTRY)
    String storeCredentials(@PathVariable String taxCode, @PathVariable String number, @RequestParam(required = false) String username,
                            @RequestParam(required = false) String password, Model model) {
        return attempt(model, () -> camera(taxCode, number, model), () -> {
            credentials.store(caller.get(), taxCode, number, username, password);
            return "redirect:/enterprises/" + taxCode + "/cameras/" + number + "?credentialsStored";
        });
    }

    /** R3.1: the password is shown on this one answer, after a second factor and a reason; the reveal is audited. */
    @PostMapping("/enterprises/{taxCode}/cameras/{number}/credentials/reveal")
    @PreAuthorize(Permissions.CUSTOMS)
    String revealCredentials(@PathVariable String taxCode, @PathVariable String number, @RequestParam(required = false) String reason,
                             @RequestParam(required = false) String code, Model model) {
        return attempt(model, () -> camera(taxCode, number, model), () -> {
            model.addAttribute("revealed", credentials.reveal(caller.get(), taxCode, number, reason, code));
            return camera(taxCode, number, model);
        });
    }

    /** Runs a command; refused input re-renders the page with each reason beside its field. */
    private String attempt(Model model, Supplier<String> page, Supplier<String> command) {
        try {
            return command.get();
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.reasonsByField(messages, LocaleContextHolder.getLocale()));
            return page.get();
        }
    }

    private String enterpriseForm(Model model, EnterpriseForm form, String editing) {
        model.addAttribute("form", form);
        model.addAttribute("editing", editing);
        model.addAttribute("subDepartments", units.all().stream().filter(u -> u.kind() == UnitKind.SUB_DEPARTMENT)
                .filter(u -> caller.get().access().everything() || caller.get().access().unitIds().contains(u.id())).toList());
        return "registry/enterprise-form";
    }

    private String detailPage(String taxCode, Model model, LocationForm locationForm, CameraForm cameraForm) {
        Enterprise enterprise = visible(taxCode);
        model.addAttribute("enterprise", enterprise);
        model.addAttribute("unit", units.find(enterprise.managingUnitId()).orElse(null));
        model.addAttribute("locations", diagram.locations(caller.get().access(), taxCode));
        model.addAttribute("cameras", diagram.cameras(caller.get().access(), taxCode));
        model.addAttribute("coverage", diagram.coverage(caller.get().access(), taxCode));
        model.addAttribute("locationForm", locationForm);
        model.addAttribute("cameraForm", cameraForm);
        model.addAttribute("locationKinds", LocationKind.values());
        model.addAttribute("goodsKinds", GoodsKind.values());
        return "registry/enterprise";
    }

    private String cameraPage(String taxCode, Camera camera, CameraForm form, Model model) {
        model.addAttribute("credentialStatus", credentials.status(caller.get(), taxCode, camera.number()));
        model.addAttribute("enterprise", visible(taxCode));
        model.addAttribute("camera", camera);
        model.addAttribute("cameraForm", form);
        model.addAttribute("locations", diagram.locations(caller.get().access(), taxCode));
        return "registry/camera";
    }

    private String locationPage(String taxCode, long id, LocationForm form, Model model) {
        model.addAttribute("enterprise", visible(taxCode));
        model.addAttribute("location", location(taxCode, id));
        model.addAttribute("locationForm", form);
        model.addAttribute("locationKinds", LocationKind.values());
        model.addAttribute("goodsKinds", GoodsKind.values());
        return "registry/location";
    }

    private Location location(String taxCode, long id) {
        return diagram.locations(caller.get().access(), taxCode).stream().filter(l -> l.id() == id).findFirst()
                .orElseThrow(() -> new NotFoundException("location", String.valueOf(id)));
    }

    private Enterprise visible(String taxCode) {
        return enterprises.find(caller.get().access(), taxCode).orElseThrow(() -> new NotFoundException("enterprise", taxCode));
    }

    private Camera camera(String taxCode, String number) {
        return diagram.camera(caller.get().access(), taxCode, number);
    }
}
