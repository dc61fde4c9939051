package io.tanxin.demo;

import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "demo", description = "演示省份 / demo province")
class DemoController {

    private final DemoProvinceStatus status;

    DemoController(DemoProvinceStatus status) {
        this.status = status;
    }

    @GetMapping("/api/v1/demo")
    @Operation(summary = "是否加载了合成演示数据 / whether synthetic demo data is loaded (public)")
    ResponseEntity<?> demo() {
        return status.current().<ResponseEntity<?>>map(ResponseEntity::ok)
                .orElseGet(() -> ResponseEntity.ok(Map.of("synthetic", false)));
    }
}
