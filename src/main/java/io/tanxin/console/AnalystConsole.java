package io.tanxin.console;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.tanxin.directory.DirectoryManagement;
import io.tanxin.identity.Actors;
import io.tanxin.intake.IntakeManagement;
import io.tanxin.intake.verification.CrossVerification;
import io.tanxin.intake.verification.FindingStatus;
import io.tanxin.rating.RatingManagement;
import io.tanxin.reporting.Objection;
import io.tanxin.reporting.ObjectionOutcome;
import io.tanxin.reporting.Objections;
import io.tanxin.shared.DomainException;
import io.tanxin.shared.EnumParameter;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The credit agency analyst's queue: recent submissions, findings to explain or resolve, objections
 * by deadline, and overrides waiting for a second analyst. Every action posts a form (CSRF token
 * included) to the same services as the API and comes back to the queue (post-redirect-get).
 */
@Controller
@PreAuthorize("hasRole('AGENCY_ANALYST')")
class AnalystConsole {

    private final IntakeManagement intake;
    private final CrossVerification verification;
    private final Objections objections;
    private final RatingManagement ratings;
    private final DirectoryManagement directory;

    AnalystConsole(IntakeManagement intake, CrossVerification verification, Objections objections,
            RatingManagement ratings, DirectoryManagement directory) {
        this.intake = intake;
        this.verification = verification;
        this.objections = objections;
        this.ratings = ratings;
        this.directory = directory;
    }

    @GetMapping("/console/analyst")
    String queue(@RequestParam(defaultValue = "CRITICAL") String severity, @RequestParam(defaultValue = "0") int page,
            Model model) {
        io.tanxin.shared.Page.check(page, 20);
        if (!Set.of("CRITICAL", "WARNING").contains(severity)) {
            throw new DomainException("INVALID_SEVERITY", "严重程度应为 CRITICAL 或 WARNING", "Severity must be CRITICAL or WARNING");
        }
        var findings = verification.findings(null, "OPEN", severity, null, page, 20);
        var open = objections.find(null, false, 0, 100).items().stream().filter(Objection::open)
                .sorted(java.util.Comparator.comparing(Objection::dueDate)).toList();
        var pending = ratings.overrides("PENDING");
        Set<String> usccs = new TreeSet<>();
        findings.items().forEach(f -> usccs.add(f.uscc()));
        open.forEach(o -> usccs.add(o.uscc()));
        pending.forEach(o -> usccs.add(o.uscc()));
        Map<String, String> names = new HashMap<>();
        usccs.forEach(u -> directory.findEnterprise(u).ifPresent(e -> names.put(u, e.nameZh())));
        model.addAttribute("severity", severity);
        model.addAttribute("findings", findings);
        model.addAttribute("objections", open);
        model.addAttribute("overrides", pending);
        model.addAttribute("submissions", intake.submissions(null, 0, 15));
        model.addAttribute("names", names);
        model.addAttribute("outcomes", ObjectionOutcome.values());
        model.addAttribute("me", Actors.require().username());
        return "console/analyst";
    }

    @PostMapping("/console/analyst/findings/{id}/notes")
    String annotate(@PathVariable long id, @RequestParam String note, @RequestParam String status,
            RedirectAttributes flash) {
        FindingStatus to = EnumParameter.parse(FindingStatus.class, status, "INVALID_STATUS", "状态");
        if (note == null || note.isBlank() || note.length() > 2000) {
            throw new DomainException("NOTE_REQUIRED", "请填写批注（不超过 2000 字）", "Write a note (at most 2,000 characters)");
        }
        verification.annotate(id, Actors.require().username(), note.strip(), to);
        flash.addFlashAttribute("done", "analyst.findingUpdated");
        flash.addFlashAttribute("doneArg", id);
        return "redirect:/console/analyst#findings";
    }

    @PostMapping("/console/analyst/objections/{id}/acknowledgement")
    String acknowledge(@PathVariable long id, @RequestParam(required = false) String note, RedirectAttributes flash) {
        objections.acknowledge(id, note, Actors.require());
        flash.addFlashAttribute("done", "analyst.objectionAcknowledged");
        flash.addFlashAttribute("doneArg", id);
        return "redirect:/console/analyst#objections";
    }

    @PostMapping("/console/analyst/objections/{id}/resolution")
    String resolve(@PathVariable long id, @RequestParam String outcome, @RequestParam String answer,
            RedirectAttributes flash) {
        ObjectionOutcome o = EnumParameter.parse(ObjectionOutcome.class, outcome, "INVALID_OUTCOME", "处理结果");
        objections.resolve(id, o, answer, Actors.require());
        flash.addFlashAttribute("done", "analyst.objectionResolved");
        flash.addFlashAttribute("doneArg", id);
        return "redirect:/console/analyst#objections";
    }

    @PostMapping("/console/analyst/overrides/{id}/decision")
    String decide(@PathVariable long id, @RequestParam boolean approve, @RequestParam String reason,
            RedirectAttributes flash) {
        ratings.decide(id, approve, reason);
        flash.addFlashAttribute("done", approve ? "analyst.overrideApproved" : "analyst.overrideRejected");
        flash.addFlashAttribute("doneArg", id);
        return "redirect:/console/analyst#overrides";
    }
}
