package io.epewatch.clearance.web;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import io.epewatch.clearance.CustomsChecks;
import io.epewatch.clearance.DeclarantMandates;
import io.epewatch.clearance.Dossier;
import io.epewatch.clearance.DossierState;
import io.epewatch.clearance.DossierStep;
import io.epewatch.clearance.Dossiers;
import io.epewatch.clearance.Selectivity;
import io.epewatch.clearance.SupportingDocuments;
import io.epewatch.clearance.Transits;
import io.epewatch.declaration.DeclarationInput.TransitInput;
import io.epewatch.declaration.Declaration.Lane;
import io.epewatch.declaration.DeclarationInput.SealInput;
import io.epewatch.declaration.Declarations;
import io.epewatch.identity.Caller;
import io.epewatch.identity.CurrentCaller;
import io.epewatch.identity.Permissions;
import io.epewatch.kernel.InvalidInputException;
import io.epewatch.kernel.NotFoundException;
import org.springframework.context.MessageSource;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Declaration processing in the portal (R5.1–R5.7): the declarant's workspace (the form, the list, the status page
 * with the customs answers), the officer's worklist by lane and due time, the head's inspection orders and the HQ
 * analysts' selectivity criteria with their preview (R5.8). Every step goes through the same services as the API,
 * which check the caller's role and scope.
 */
@Controller
class ClearancePages {

    private static final String ANYONE = ClearanceApi.DOSSIER_READERS;

    private final Dossiers dossiers;
    private final CustomsChecks checks;
    private final Selectivity selectivity;
    private final SupportingDocuments documents;
    private final Transits transits;
    private final DeclarantMandates mandates;
    private final io.epewatch.identity.ApiTokens tokens;
    private final Declarations declarations;
    private final CurrentCaller caller;
    private final MessageSource messages;
    private final Clock clock;

    ClearancePages(Dossiers dossiers, CustomsChecks checks, Selectivity selectivity, SupportingDocuments documents,
                   Transits transits, DeclarantMandates mandates, Declarations declarations, CurrentCaller caller,
                   MessageSource messages, Clock clock, io.epewatch.identity.ApiTokens tokens) {
        this.tokens = tokens;
        this.mandates = mandates;
        this.documents = documents;
        this.transits = transits;
        this.dossiers = dossiers;
        this.checks = checks;
        this.selectivity = selectivity;
        this.declarations = declarations;
        this.caller = caller;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/clearance")
    @PreAuthorize(ANYONE)
    String home() {
        return caller.get().isCustoms() ? "redirect:/clearance/worklist" : "redirect:/clearance/declarations";
    }

    @GetMapping("/clearance/declarations")
    @PreAuthorize(ANYONE)
    String list(@RequestParam(required = false) DossierState state, Model model) {
        model.addAttribute("dossiers", dossiers.list(caller.get(), state, 200));
        model.addAttribute("states", DossierState.values());
        model.addAttribute("selectedState", state);
        model.addAttribute("now", clock.instant());
        return "clearance/declarations";
    }

    @GetMapping("/clearance/declarations/new")
    @PreAuthorize("hasRole('DECLARANT')")
    String newForm(Model model) {
        DeclarationForm form = new DeclarationForm();
        form.setEnterpriseTaxCode(caller.get().access().enterpriseTaxCode());
        return form(model, form, null);
    }

    @PostMapping("/clearance/declarations")
    @PreAuthorize("hasRole('DECLARANT')")
    String file(@ModelAttribute("form") DeclarationForm form, Model model) {
        return attempt(model, () -> form(model, form, null),
                () -> "redirect:/clearance/declarations/" + dossiers.file(caller.get(), form.toInput()).dossier().number());
    }

    /** A declaration uploaded as a VNACCS message file, as the declarant's software writes it. */
    @PostMapping("/clearance/declarations/upload")
    @PreAuthorize("hasRole('DECLARANT')")
    String upload(@RequestParam(name = "message", required = false) MultipartFile message, Model model) throws java.io.IOException {
        byte[] bytes = message == null || message.isEmpty() ? null : message.getBytes();
        DeclarationForm form = new DeclarationForm();
        form.setEnterpriseTaxCode(caller.get().access().enterpriseTaxCode());
        return attempt(model, () -> form(model, form, null),
                () -> "redirect:/clearance/declarations/" + dossiers.fileMessage(caller.get(), bytes).dossier().number());
    }

    @GetMapping("/clearance/declarations/{number}/edit")
    @PreAuthorize("hasRole('DECLARANT')")
    String editForm(@PathVariable String number, Model model) {
        return form(model, DeclarationForm.of(dossier(number).body()), dossier(number));
    }

    @PostMapping("/clearance/declarations/{number}/edit")
    @PreAuthorize("hasRole('DECLARANT')")
    String amend(@PathVariable String number, @ModelAttribute("form") DeclarationForm form, Model model) {
        return attempt(model, () -> form(model, form, dossier(number)), () -> {
            dossiers.amend(caller.get(), number, form.toInput(), form.getReason());
            return "redirect:/clearance/declarations/" + number;
        });
    }

    /**
     * The status page. A declaration this system did not process (it came from the feed) has no history here: the
     * link from a warning lands on the declaration as customs received it.
     */
    @GetMapping("/clearance/declarations/{number}")
    @PreAuthorize(ANYONE)
    String status(@PathVariable String number, Model model) {
        Caller me = caller.get();
        Dossier d = dossiers.find(me, number).orElse(null);
        if (d == null) {
            if (me.isCustoms() || me.seesRisk()) {
                declarations.find(me.access(), number).orElseThrow(() -> new NotFoundException("declaration", number));
                return "redirect:/declarations/" + number;
            }
            throw new NotFoundException("declaration", number);
        }
        List<DossierStep> steps = dossiers.steps(d);
        if (!me.seesRisk()) {
            d = d.withoutTargeting();
            steps = steps.stream().map(DossierStep::withoutTargeting).toList();
        }
        model.addAttribute("d", d);
        model.addAttribute("steps", steps);
        model.addAttribute("photos", me.isCustoms() ? checks.inspectionPhotos(me, number) : List.of());
        model.addAttribute("now", clock.instant());
        model.addAttribute("forms", CustomsChecks.InspectionForm.values());
        model.addAttribute("documents", documents.documents(me, number));
        model.addAttribute("documentKinds", SupportingDocuments.Kind.values());
        return "clearance/declaration";
    }

    /** One step on a declaration; refused input comes back beside the step's fields. */
    @PostMapping("/clearance/declarations/{number}/{step}")
    @PreAuthorize(ANYONE)
    String step(@PathVariable String number, @PathVariable String step, @RequestParam Map<String, String> form,
                RedirectAttributes redirect) {
        Caller me = caller.get();
        try {
            switch (step) {
                case "registration" -> dossiers.register(me, number);
                case "cancellation" -> dossiers.requestCancellation(me, number, form.get("reason"));
                case "fees" -> checks.recordFees(me, number);
                case "document-check" -> checks.checkDocuments(me, number, "true".equals(form.get("accepted")), form.get("note"));
                case "inspection-order" -> checks.orderInspection(me, number, form.get("form"), form.get("level"), form.get("note"));
                case "inspection-result" -> checks.recordInspection(me, number, !"false".equals(form.get("asDeclared")),
                        form.get("findings"), seals(form.get("seals")));
                case "settlement" -> checks.settleDiscrepancy(me, number, form.get("decision"));
                case "release" -> checks.release(me, number, form.get("guarantee"));
                case "area-passage" -> checks.confirmPassage(me, number, form.get("place"));
                case "cancellation-decision" -> checks.decideCancellation(me, number, "true".equals(form.get("accept")),
                        form.get("reason"));
                case "transit" -> transits.request(me, number, new TransitInput(form.get("origin"), form.get("destination"),
                        io.epewatch.kernel.Timestamps.withVietnamOffset(form.get("deadline")), form.get("route")));
                case "transit-decision" -> transits.decide(me, number, "true".equals(form.get("accept")), form.get("reason"),
                        seals(form.get("seals")));
                case "arrival" -> transits.confirmArrival(me, number, form.get("office"), seals(form.get("seals")));
                default -> throw new NotFoundException("declaration step", step);
            }
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("errors", e.reasonsByField(messages, LocaleContextHolder.getLocale()));
            redirect.addFlashAttribute("failedStep", step);
            redirect.addFlashAttribute("values", form);
        }
        return "redirect:/clearance/declarations/" + number;
    }

    @PostMapping("/clearance/declarations/{number}/documents")
    @PreAuthorize("hasRole('DECLARANT')")
    String attach(@PathVariable String number, @RequestParam(required = false) String kind,
                  @RequestParam(name = "file", required = false) MultipartFile file,
                  @RequestParam(name = "signature", required = false) MultipartFile signature,
                  RedirectAttributes redirect) throws java.io.IOException {
        try {
            documents.attach(caller.get(), number, kind, file == null || file.isEmpty() ? null : file.getOriginalFilename(),
                    file == null ? null : file.getContentType(), file == null ? null : file.getBytes(),
                    signature == null || signature.isEmpty() ? null : signature.getBytes());
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("errors", e.reasonsByField(messages, LocaleContextHolder.getLocale()));
            redirect.addFlashAttribute("failedStep", "documents");
        }
        return "redirect:/clearance/declarations/" + number + "#documents";
    }

    @GetMapping("/clearance/declarations/{number}/documents/{id}")
    @PreAuthorize(ANYONE)
    ResponseEntity<byte[]> document(@PathVariable String number, @PathVariable long id) {
        return ClearanceApi.download(documents.open(caller.get(), number, id)
                .orElseThrow(() -> new NotFoundException("document", String.valueOf(id))));
    }

    /** The enterprise's signing certificates, kept by its own people (R5.3). */
    @GetMapping("/clearance/certificates")
    @PreAuthorize("hasAnyRole('DECLARANT','EPE_USER')")
    String certificates(Model model) {
        String own = caller.get().access().enterpriseTaxCode();
        model.addAttribute("own", own);
        model.addAttribute("certificates", own == null ? List.of() : documents.certificates(caller.get(), own));
        model.addAttribute("mandates", own == null ? List.of() : mandates.of(caller.get(), own));
        model.addAttribute("declaresFor", mandates.enterprisesOf(caller.get()));
        model.addAttribute("tokens", caller.get().has(io.epewatch.identity.Role.DECLARANT) ? tokens.personal(caller.get()) : List.of());
        return "clearance/certificates";
    }

    /** A declarant's token for its own software; the secret is shown on this one answer. */
    @PostMapping("/clearance/tokens")
    @PreAuthorize("hasRole('DECLARANT')")
    String issueToken(@RequestParam(required = false) String label, @RequestParam(required = false) String expiresOn, Model model) {
        return attempt(model, () -> certificates(model), () -> {
            model.addAttribute("newToken", tokens.issuePersonal(caller.get(), label, expiresOn));
            return certificates(model);
        });
    }

    @PostMapping("/clearance/tokens/{id}/revoke")
    @PreAuthorize("hasRole('DECLARANT')")
    String revokeToken(@PathVariable long id) {
        tokens.revokePersonal(caller.get(), id);
        return "redirect:/clearance/certificates";
    }

    @PostMapping("/clearance/mandates")
    @PreAuthorize("hasAnyRole('DECLARANT','EPE_USER')")
    String grant(@RequestParam(required = false) String declarant, @RequestParam(required = false) String validUntil, Model model) {
        return attempt(model, () -> certificates(model), () -> {
            mandates.grant(caller.get(), caller.get().access().enterpriseTaxCode(), declarant, validUntil);
            return "redirect:/clearance/certificates";
        });
    }

    @PostMapping("/clearance/mandates/{id}/revoke")
    @PreAuthorize("hasAnyRole('DECLARANT','EPE_USER')")
    String revoke(@PathVariable long id) {
        mandates.revoke(caller.get(), caller.get().access().enterpriseTaxCode(), id);
        return "redirect:/clearance/certificates";
    }

    @PostMapping("/clearance/certificates")
    @PreAuthorize("hasAnyRole('DECLARANT','EPE_USER')")
    String registerCertificate(@RequestParam(name = "certificate", required = false) MultipartFile file, Model model)
            throws java.io.IOException {
        byte[] bytes = file == null || file.isEmpty() ? null : file.getBytes();
        return attempt(model, () -> certificates(model), () -> {
            documents.registerCertificate(caller.get(), caller.get().access().enterpriseTaxCode(), bytes);
            return "redirect:/clearance/certificates";
        });
    }

    @PostMapping("/clearance/certificates/{id}/withdraw")
    @PreAuthorize("hasAnyRole('DECLARANT','EPE_USER')")
    String withdrawCertificate(@PathVariable long id) {
        documents.withdrawCertificate(caller.get(), caller.get().access().enterpriseTaxCode(), id);
        return "redirect:/clearance/certificates";
    }

    @PostMapping("/clearance/declarations/{number}/photos")
    @PreAuthorize(Permissions.CASEWORK)
    String photo(@PathVariable String number, @RequestParam(name = "photo", required = false) MultipartFile photo,
                 RedirectAttributes redirect) throws java.io.IOException {
        try {
            checks.addInspectionPhoto(caller.get(), number, photo == null ? null : photo.getBytes());
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("errors", e.reasonsByField(messages, LocaleContextHolder.getLocale()));
            redirect.addFlashAttribute("failedStep", "photos");
        }
        return "redirect:/clearance/declarations/" + number;
    }

    @GetMapping("/clearance/declarations/{number}/photos/{evidenceId}")
    @PreAuthorize(Permissions.CUSTOMS)
    ResponseEntity<InputStreamResource> photo(@PathVariable String number, @PathVariable UUID evidenceId) {
        return checks.openInspectionPhoto(caller.get(), number, evidenceId)
                .map(bytes -> ResponseEntity.ok().contentType(MediaType.IMAGE_JPEG).body(new InputStreamResource(bytes)))
                .orElseThrow(() -> new NotFoundException("photo", evidenceId.toString()));
    }

    /** The declaration printed as the declarant and customs file it, with its processing history. */
    @GetMapping("/clearance/declarations/{number}/print")
    @PreAuthorize(ANYONE)
    ResponseEntity<byte[]> print(@PathVariable String number) {
        Dossier d = dossier(number);
        List<DossierStep> steps = dossiers.steps(d);
        byte[] pdf = DeclarationPdf.of(caller.get().seesRisk() ? d : d.withoutTargeting(), steps);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename("to-khai-" + d.number() + ".pdf").build().toString())
                .body(pdf);
    }

    @GetMapping("/clearance/worklist")
    @PreAuthorize(Permissions.CUSTOMS)
    String worklist(@RequestParam(required = false) Lane lane, Model model) {
        model.addAttribute("dossiers", checks.worklist(caller.get(), lane));
        model.addAttribute("selectedLane", lane);
        model.addAttribute("now", clock.instant());
        return "clearance/worklist";
    }

    /** The head's part of the worklist: red declarations waiting for the form and level, and goods held. */
    @GetMapping("/clearance/inspection-orders")
    @PreAuthorize("hasRole('HEAD')")
    String inspectionOrders(Model model) {
        model.addAttribute("dossiers", checks.worklist(caller.get(), null).stream()
                .filter(d -> d.state() == DossierState.INSPECTION_ORDER || d.state() == DossierState.HELD).toList());
        model.addAttribute("now", clock.instant());
        return "clearance/inspection-orders";
    }

    @GetMapping("/clearance/selectivity")
    @PreAuthorize(Permissions.RISK_ANALYSIS)
    String selectivity(Model model) {
        return selectivityPage(model);
    }

    /** Saves a criterion (a new one without {@code id}), or with {@code preview} shows what it would change, saving nothing. */
    @PostMapping("/clearance/selectivity/criteria")
    @PreAuthorize(Permissions.RISK_ANALYSIS)
    String criterion(@RequestParam(required = false) Long id, @RequestParam(required = false) String kind,
                     @RequestParam(required = false) String parameter, @RequestParam(required = false) String lane,
                     @RequestParam(required = false) String note, @RequestParam(required = false) String enabled,
                     @RequestParam(required = false) String preview, Model model) {
        Selectivity.CriterionInput input = new Selectivity.CriterionInput(kind, parameter, lane, note, enabled != null);
        model.addAttribute("editing", id);
        model.addAttribute("proposal", input);
        return attempt(model, () -> selectivityPage(model), () -> {
            if (preview != null) {
                model.addAttribute("preview", selectivity.preview(id, input));
                return selectivityPage(model);
            }
            selectivity.save(caller.get(), id, input);
            return "redirect:/clearance/selectivity?saved";
        });
    }

    @PostMapping("/clearance/selectivity/shares")
    @PreAuthorize(Permissions.RISK_ANALYSIS)
    String shares(@RequestParam(required = false) String yellowShare, @RequestParam(required = false) String redShare,
                  Model model) {
        return attempt(model, () -> selectivityPage(model), () -> {
            selectivity.setShares(caller.get(), yellowShare, redShare);
            return "redirect:/clearance/selectivity?saved";
        });
    }

    private String selectivityPage(Model model) {
        model.addAttribute("criteria", selectivity.criteria());
        model.addAttribute("shares", selectivity.shares());
        model.addAttribute("kinds", io.epewatch.clearance.selectivity.Criterion.Kind.values());
        model.addAttribute("lanes", List.of(Lane.YELLOW, Lane.RED));
        return "clearance/selectivity";
    }

    private String form(Model model, DeclarationForm form, Dossier amending) {
        model.addAttribute("form", form);
        model.addAttribute("declaresFor", mandates.enterprisesOf(caller.get()));
        model.addAttribute("amending", amending);
        return "clearance/form";
    }

    private Dossier dossier(String number) {
        return dossiers.find(caller.get(), number).orElseThrow(() -> new NotFoundException("declaration", number));
    }

    /** Seals typed one per line, "container seal" (a seal on the whole load without a container: the seal alone). */
    static List<SealInput> seals(String typed) {
        if (typed == null || typed.isBlank()) {
            return List.of();
        }
        return typed.lines().map(String::strip).filter(l -> !l.isEmpty()).map(l -> {
            String[] parts = l.split("[\\s:;,]+", 2);
            return parts.length == 2 ? new SealInput(parts[0], parts[1]) : new SealInput(null, parts[0]);
        }).toList();
    }

    /** Runs a command; refused input re-renders the page with each reason beside its field. */
    private String attempt(Model model, Supplier<String> page, Supplier<String> command) {
        try {
            return command.get();
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.reasonsByField(messages, LocaleContextHolder.getLocale()));
            return page.get();
        } catch (io.epewatch.kernel.IntakeClosedException e) {
            // R6.1: the declaration is kept in the form; the declarant is told where declarations go now
            model.addAttribute("errors", java.util.Map.of("intake", messages.getMessage("intake.closed." + e.state(),
                    null, e.getMessage(), LocaleContextHolder.getLocale())));
            return page.get();
        }
    }
}
