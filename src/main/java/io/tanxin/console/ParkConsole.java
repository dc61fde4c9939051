package io.tanxin.console;

import java.util.List;

import io.tanxin.directory.DirectoryManagement;
import io.tanxin.directory.Park;
import io.tanxin.identity.Actor;
import io.tanxin.identity.Actors;
import io.tanxin.identity.OrganisationKind;
import io.tanxin.shared.NotFoundException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * A park administration's view of its own park: the same figures the regulator sees for a city,
 * confined to the enterprises registered in the park (the park comes from the signed-in user).
 */
@Controller
@org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication // as its PilotOverview: no pages under an operator command
@PreAuthorize("hasRole('PARK_ADMIN')")
class ParkConsole {

    private final PilotOverview overview;
    private final DirectoryManagement directory;
    private final Charts charts;

    ParkConsole(PilotOverview overview, DirectoryManagement directory, Charts charts) {
        this.overview = overview;
        this.directory = directory;
        this.charts = charts;
    }

    @GetMapping("/console/park")
    String park(Model model, @ModelAttribute("en") boolean en) {
        Actor actor = Actors.require();
        if (actor.organisationKind() != OrganisationKind.PARK || actor.organisationCode() == null) {
            throw ConsoleAdvice.forbidden();
        }
        Park park = directory.parks().stream().filter(p -> p.code().equals(actor.organisationCode())).findFirst()
                .orElseThrow(() -> new NotFoundException("PARK_NOT_FOUND", "没有这个园区", "No such park"));
        PilotSnapshot s = overview.current();
        List<PilotSnapshot.Row> rows = s.inPark(park.code());
        List<PilotSnapshot.Group> industries = s.groupBy(rows, PilotSnapshot.Row::industry, s.industryNames());
        PilotSnapshot.Trend trend = s.trend(rows);
        model.addAttribute("park", park);
        model.addAttribute("snapshot", s);
        model.addAttribute("labels", PilotSnapshot.LABELS);
        model.addAttribute("total", s.group(park.code(), park.nameZh(), rows));
        model.addAttribute("groups", industries);
        model.addAttribute("enterprises", s.largestEmitters(rows, rows.size()));
        model.addAttribute("labelChart", charts.labelsByGroup(industries, en));
        model.addAttribute("trendChart", charts.trend(trend, en));
        model.addAttribute("intensityChart", charts.intensityByYear(trend, en));
        return "console/park";
    }
}
