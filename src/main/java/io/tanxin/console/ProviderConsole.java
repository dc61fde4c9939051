package io.tanxin.console;

import java.io.IOException;
import java.util.UUID;

import io.tanxin.identity.Actor;
import io.tanxin.identity.Actors;
import io.tanxin.intake.Dataset;
import io.tanxin.intake.IntakeManagement;
import io.tanxin.intake.SubmissionDesk;
import io.tanxin.intake.SubmissionResult;
import io.tanxin.shared.DomainException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A data provider's workplace: upload a file, fetch the templates, and see what became of each
 * submission with every error. The upload goes through the same desk as the API, so the same
 * checks, limits and idempotency apply (the form carries a key, so a double click stores once).
 */
@Controller
@PreAuthorize("hasRole('DATA_PROVIDER')")
class ProviderConsole {

    private final IntakeManagement intake;
    private final SubmissionDesk desk;

    ProviderConsole(IntakeManagement intake, SubmissionDesk desk) {
        this.intake = intake;
        this.desk = desk;
    }

    @GetMapping("/console/provider")
    String home(Model model) {
        Actor actor = Actors.require();
        model.addAttribute("source", intake.sourceOf(actor.organisationCode()).orElse(null));
        model.addAttribute("datasets", Dataset.values());
        model.addAttribute("submissions", intake.submissions(actor.username(), 0, 30));
        model.addAttribute("formKey", UUID.randomUUID().toString());
        return "console/provider";
    }

    @PostMapping("/console/provider/submissions")
    String upload(@RequestParam String dataset, @RequestParam("file") MultipartFile file,
            @RequestParam(required = false) String formKey, RedirectAttributes flash) throws IOException {
        if (file.isEmpty()) {
            throw new DomainException("EMPTY_FILE", "请选择要上传的文件", "Choose a file to upload");
        }
        SubmissionResult r = desk.submit(Actors.require(), dataset, null,
                SubmissionDesk.channelOf(file.getOriginalFilename(), file.getContentType()), formKey,
                file.getOriginalFilename(), file.getContentType(), file.getBytes());
        flash.addFlashAttribute("result", r);
        return "redirect:/console/provider#submission-" + r.id();
    }
}
