package io.tanxin.console;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import io.tanxin.directory.DirectoryManagement;
import io.tanxin.directory.Enterprise;
import io.tanxin.identity.Actor;
import io.tanxin.identity.Actors;
import io.tanxin.reporting.Consent;
import io.tanxin.reporting.ConsentManagement;
import io.tanxin.reporting.QueryLog;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A bank officer's workplace: only the enterprises that consented to this bank appear; their
 * reports open through the report API, which checks the consent again and logs the query.
 */
@Controller
@PreAuthorize("hasAnyRole('BANK_OFFICER','BANK_ADMIN')")
class BankConsole {

    private final ConsentManagement consents;
    private final DirectoryManagement directory;
    private final QueryLog queries;

    BankConsole(ConsentManagement consents, DirectoryManagement directory, QueryLog queries) {
        this.consents = consents;
        this.directory = directory;
        this.queries = queries;
    }

    record Consented(Consent consent, Enterprise enterprise) {
    }

    @GetMapping("/console/bank")
    String home(@RequestParam(required = false) String q,
            @RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
        Actor actor = Actors.require();
        String term = q == null ? "" : q.strip().toLowerCase(Locale.ROOT);
        if (term.length() > 100) {
            throw new io.tanxin.shared.DomainException("QUERY_TOO_LONG", "搜索词不能超过 100 个字符",
                    "The search term may have at most 100 characters");
        }
        List<Consented> active = consents.forInstitution(actor.organisationCode()).stream().filter(Consent::active)
                .map(c -> new Consented(c, directory.findEnterprise(c.uscc()).orElse(null)))
                .filter(c -> c.enterprise() != null)
                .filter(c -> term.isEmpty() || c.enterprise().nameZh().toLowerCase(Locale.ROOT).contains(term)
                        || (c.enterprise().nameEn() != null && c.enterprise().nameEn().toLowerCase(Locale.ROOT).contains(term))
                        || c.enterprise().uscc().equalsIgnoreCase(term))
                .sorted(Comparator.comparing((Consented c) -> c.enterprise().nameZh()))
                .toList();
        model.addAttribute("q", q);
        model.addAttribute("consented", active);
        if (htmx != null) {
            return "console/bank :: results";
        }
        model.addAttribute("expiring", active.stream().filter(c -> c.consent().expiringSoon())
                .sorted(Comparator.comparing((Consented c) -> c.consent().validUntil())).toList());
        model.addAttribute("queries", queries.forOrganisation(actor.organisationCode(), 0, 50).items());
        model.addAttribute("today", LocalDate.now(io.tanxin.reporting.ShanghaiDates.ZONE));
        return "console/bank";
    }
}
