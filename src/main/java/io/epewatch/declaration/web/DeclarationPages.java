package io.epewatch.declaration.web;

import io.epewatch.declaration.Declarations;
import io.epewatch.identity.CurrentCaller;
import io.epewatch.kernel.NotFoundException;
import io.epewatch.registry.Enterprises;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** Declarations as customs knows them, for an officer comparing them with what the gates saw (R4.4, R4.6). */
@Controller
class DeclarationPages {

    private final Declarations declarations;
    private final Enterprises enterprises;
    private final CurrentCaller caller;

    DeclarationPages(Declarations declarations, Enterprises enterprises, CurrentCaller caller) {
        this.declarations = declarations;
        this.enterprises = enterprises;
        this.caller = caller;
    }

    @GetMapping("/declarations")
    String list(@RequestParam(required = false) String enterpriseTaxCode, Model model) {
        String filter = enterpriseTaxCode == null || enterpriseTaxCode.isBlank() ? null : enterpriseTaxCode;
        model.addAttribute("declarations", declarations.latest(enterprises.visibleTaxCodes(caller.get().access(), filter), 200));
        model.addAttribute("enterprises", enterprises.list(caller.get().access()));
        model.addAttribute("selectedEnterprise", filter);
        return "declaration/declarations";
    }

    @GetMapping("/declarations/{number}")
    String detail(@PathVariable String number, Model model) {
        model.addAttribute("declaration", declarations.find(caller.get().access(), number)
                .orElseThrow(() -> new NotFoundException("declaration", number)));
        model.addAttribute("versions", declarations.versions(caller.get().access(), number));
        return "declaration/declaration";
    }
}
