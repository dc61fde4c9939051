package io.tanxin.console;

import io.tanxin.identity.Actor;
import io.tanxin.identity.Actors;
import io.tanxin.identity.Role;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** Sign-in, and the home page that sends each role to its own workplace. */
@Controller
class ConsoleController {

    @GetMapping("/login")
    String login() {
        return "console/login";
    }

    @GetMapping("/")
    String home() {
        Actor actor = Actors.require();
        if (actor.confinedToOwnEnterprise()) {
            return "redirect:/console/enterprise";
        }
        if (actor.has(Role.REGULATOR)) {
            return "redirect:/console/regulator";
        }
        if (actor.has(Role.AGENCY_ANALYST)) {
            return "redirect:/console/analyst";
        }
        if (actor.has(Role.BANK_OFFICER) || actor.has(Role.BANK_ADMIN)) {
            return "redirect:/console/bank";
        }
        if (actor.has(Role.PARK_ADMIN)) {
            return "redirect:/console/park";
        }
        if (actor.has(Role.DATA_PROVIDER)) {
            return "redirect:/console/provider";
        }
        return "console/home";
    }
}
