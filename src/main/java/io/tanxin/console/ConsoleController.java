package io.tanxin.console;

import io.tanxin.demo.DemoProvinceStatus;
import io.tanxin.identity.Actor;
import io.tanxin.identity.Actors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class ConsoleController {

    private final DemoProvinceStatus demo;

    ConsoleController(DemoProvinceStatus demo) {
        this.demo = demo;
    }

    @GetMapping("/login")
    String login(Model model) {
        model.addAttribute("demo", demo.current().orElse(null));
        return "console/login";
    }

    @GetMapping("/")
    String home(Model model) {
        Actor actor = Actors.require();
        model.addAttribute("actor", actor);
        model.addAttribute("demo", demo.current().orElse(null));
        return "console/home";
    }
}
