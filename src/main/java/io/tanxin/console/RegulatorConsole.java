package io.tanxin.console;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import io.tanxin.reporting.Objection;
import io.tanxin.reporting.Objections;
import io.tanxin.shared.NotFoundException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The regulator's pilot at a glance, drilled down from the province to a city, to an industry in
 * it, to its enterprises. htmx swaps only the panel and pushes the URL, so every level has an
 * address that can be bookmarked and opened without JavaScript.
 */
@Controller
@org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication // as its PilotOverview: no pages under an operator command
@PreAuthorize("hasRole('REGULATOR')")
class RegulatorConsole {

    private final PilotOverview overview;
    private final Objections objections;
    private final Charts charts;

    RegulatorConsole(PilotOverview overview, Objections objections, Charts charts) {
        this.overview = overview;
        this.objections = objections;
        this.charts = charts;
    }

    @GetMapping("/console/regulator")
    String overview(@RequestParam(required = false) String city, @RequestParam(required = false) String industry,
            @RequestHeader(name = "HX-Request", required = false) String htmx, Model model,
            @org.springframework.web.bind.annotation.ModelAttribute("en") boolean en) {
        PilotSnapshot s = overview.current();
        city = blankToNull(city);
        industry = blankToNull(industry);
        if (city != null && !s.cityNames().containsKey(city)) {
            throw new NotFoundException("UNKNOWN_CITY", "没有这个地市：" + city, "No such city: " + city);
        }
        if (industry != null && !s.industryNames().containsKey(industry)) {
            throw new NotFoundException("UNKNOWN_INDUSTRY", "没有这个行业：" + industry, "No such industry: " + industry);
        }
        List<PilotSnapshot.Row> selected = s.select(city, industry);
        String level = city == null ? "city" : industry == null ? "industry" : "enterprise";
        List<PilotSnapshot.Group> groups = switch (level) {
            case "city" -> s.groupBy(selected, PilotSnapshot.Row::city, s.cityNames());
            case "industry" -> s.groupBy(selected, PilotSnapshot.Row::industry, s.industryNames());
            default -> List.of();
        };
        PilotSnapshot.Group total = s.group("ALL", "", selected);
        PilotSnapshot.Trend trend = s.trend(selected);
        Set<String> inSelection = selected.stream().map(PilotSnapshot.Row::uscc).collect(Collectors.toSet());
        List<Objection> overdue = objections.overdue().stream().filter(o -> inSelection.contains(o.uscc())).toList();

        model.addAttribute("snapshot", s);
        model.addAttribute("labels", PilotSnapshot.LABELS);
        model.addAttribute("city", city);
        model.addAttribute("industry", industry);
        model.addAttribute("level", level);
        model.addAttribute("groups", groups);
        model.addAttribute("total", total);
        model.addAttribute("enterprises", "enterprise".equals(level)
                ? s.largestEmitters(selected, selected.size()) : List.of());
        model.addAttribute("largest", s.largestEmitters(selected, 10));
        model.addAttribute("overdue", overdue);
        model.addAttribute("names", selected.stream().filter(r -> overdue.stream().anyMatch(o -> o.uscc().equals(r.uscc())))
                .collect(Collectors.toMap(PilotSnapshot.Row::uscc, PilotSnapshot.Row::name)));
        model.addAttribute("labelChart", charts.labelsByGroup("enterprise".equals(level)
                ? List.of(total) : groups, en));
        model.addAttribute("trendChart", charts.trend(trend, en));
        model.addAttribute("intensityChart", charts.intensityByYear(trend, en));
        return htmx != null ? "console/regulator :: panel" : "console/regulator";
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
