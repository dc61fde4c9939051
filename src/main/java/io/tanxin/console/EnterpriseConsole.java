package io.tanxin.console;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.tanxin.directory.DirectoryManagement;
import io.tanxin.directory.Enterprise;
import io.tanxin.identity.Actor;
import io.tanxin.identity.Actors;
import io.tanxin.identity.Role;
import io.tanxin.intake.IntakeManagement;
import io.tanxin.reporting.ConsentManagement;
import io.tanxin.reporting.ObjectionItemType;
import io.tanxin.reporting.Objections;
import io.tanxin.reporting.QueryLog;
import io.tanxin.reporting.ReportPurpose;
import io.tanxin.shared.DomainException;
import io.tanxin.shared.EnumParameter;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The enterprise's own workplace (its account, rating, submissions, consents and objections), and
 * the same enterprise seen by the institutions that supervise it. An enterprise user only ever
 * reaches its own USCC: it is taken from the signed-in user, never from the request.
 */
@Controller
class EnterpriseConsole {

    private final EnterpriseProfile profiles;
    private final DirectoryManagement directory;
    private final ConsentManagement consents;
    private final Objections objections;
    private final QueryLog queries;
    private final IntakeManagement intake;

    EnterpriseConsole(EnterpriseProfile profiles, DirectoryManagement directory, ConsentManagement consents,
            Objections objections, QueryLog queries, IntakeManagement intake) {
        this.profiles = profiles;
        this.directory = directory;
        this.consents = consents;
        this.objections = objections;
        this.queries = queries;
        this.intake = intake;
    }

    @GetMapping("/console/enterprise")
    @PreAuthorize("hasRole('ENTERPRISE')")
    String home(Model model, @ModelAttribute("en") boolean en) {
        Actor actor = Actors.require();
        String uscc = own(actor);
        model.addAttribute("profile", profiles.view(uscc, en));
        model.addAttribute("consents", consents.forEnterprise(uscc));
        model.addAttribute("banks", directory.institutions().stream().filter(i -> i.type().financial()).toList());
        model.addAttribute("purposes", List.of(ReportPurpose.LOAN_APPROVAL, ReportPurpose.POST_LOAN_MONITORING));
        model.addAttribute("objections", objections.forEnterprise(uscc, null, 0, 50).items());
        model.addAttribute("itemTypes", ObjectionItemType.values());
        model.addAttribute("queries", queries.forEnterprise(uscc, 0, 20).items());
        model.addAttribute("submissions", intake.submissions(actor.username(), 0, 20));
        model.addAttribute("defaultUntil", LocalDate.now(io.tanxin.reporting.ShanghaiDates.ZONE).plusYears(1));
        model.addAttribute("formKey", UUID.randomUUID().toString());
        return "console/enterprise";
    }

    @PostMapping("/console/enterprise/consents")
    @PreAuthorize("hasRole('ENTERPRISE')")
    String grant(@RequestParam String institution, @RequestParam String purpose,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate validUntil,
            @RequestParam(required = false) String formKey, RedirectAttributes flash) {
        Actor actor = Actors.require();
        var c = consents.grant(own(actor), institution, ReportPurpose.parse(purpose), validUntil, actor, formKey);
        flash.addFlashAttribute("done", "consent.granted");
        flash.addFlashAttribute("doneArg", c.institutionName());
        return "redirect:/console/enterprise#consents";
    }

    @PostMapping("/console/enterprise/consents/{id}/revocation")
    @PreAuthorize("hasRole('ENTERPRISE')")
    String revoke(@PathVariable long id, RedirectAttributes flash) {
        Actor actor = Actors.require();
        var c = consents.revoke(own(actor), id, actor);
        flash.addFlashAttribute("done", "consent.revoked");
        flash.addFlashAttribute("doneArg", c.institutionName());
        return "redirect:/console/enterprise#consents";
    }

    @PostMapping("/console/enterprise/objections")
    @PreAuthorize("hasRole('ENTERPRISE')")
    String object(@RequestParam String itemType, @RequestParam String itemRef, @RequestParam String reason,
            @RequestParam(required = false) String formKey, RedirectAttributes flash) {
        Actor actor = Actors.require();
        ObjectionItemType type = EnumParameter.parse(ObjectionItemType.class, itemType, "INVALID_ITEM_TYPE", "异议事项类型");
        var o = objections.file(own(actor), type, itemRef, reason, actor, formKey);
        flash.addFlashAttribute("done", "objection.filed");
        flash.addFlashAttribute("doneArg", o.dueDate().toString());
        return "redirect:/console/enterprise#objections";
    }

    /** An enterprise as a regulator, an analyst, a verifier or its park's administrator sees it. */
    @GetMapping("/console/enterprises/{uscc}")
    @PreAuthorize("hasAnyRole('REGULATOR','AGENCY_ANALYST','VERIFIER','PARK_ADMIN','ENTERPRISE')")
    String enterprise(@PathVariable String uscc, Model model, @ModelAttribute("en") boolean en) {
        Actor actor = Actors.require();
        if (actor.confinedToOwnEnterprise()) {
            if (!uscc.equals(actor.organisationCode())) {
                throw ConsoleAdvice.forbidden();
            }
            return "redirect:/console/enterprise";
        }
        boolean agency = actor.has(Role.REGULATOR) || actor.has(Role.AGENCY_ANALYST);
        boolean parkOnly = actor.confinedToPark();
        if (parkOnly) {
            // by role, as the API's tenant rule: a park administrator reaches its own park's enterprises
            Enterprise e = directory.findEnterprise(uscc).orElseThrow(ConsoleAdvice::forbidden);
            if (!actor.worksForPark(e.parkCode())) {
                throw ConsoleAdvice.forbidden();
            }
        }
        model.addAttribute("profile", profiles.view(uscc, en));
        // what the page shows follows the API's rules: ratings and findings not to a park
        // administrator, objections (the enterprise's own words) to the agency and regulators only
        model.addAttribute("showRating", !parkOnly);
        model.addAttribute("objections", agency ? objections.forEnterprise(uscc, null, 0, 50).items() : null);
        return "console/enterprise-detail";
    }

    private static String own(Actor actor) {
        if (actor.organisationCode() == null) {
            throw ConsoleAdvice.forbidden();
        }
        return actor.organisationCode();
    }
}
