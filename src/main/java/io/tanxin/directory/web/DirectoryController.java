package io.tanxin.directory.web;

import java.util.List;
import java.util.Locale;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tanxin.directory.DirectoryManagement;
import io.tanxin.directory.Enterprise;
import io.tanxin.directory.EnterpriseDetails;
import io.tanxin.directory.EnterpriseQuery;
import io.tanxin.directory.Industry;
import io.tanxin.directory.Institution;
import io.tanxin.directory.InstitutionType;
import io.tanxin.directory.Park;
import io.tanxin.directory.Region;
import io.tanxin.directory.SizeClass;
import io.tanxin.directory.TransitionStage;
import io.tanxin.identity.Actor;
import io.tanxin.identity.Actors;
import io.tanxin.shared.DomainException;
import io.tanxin.shared.Page;
import io.tanxin.shared.Uscc;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The directory API. Banks are not among the readers: they reach an enterprise only through its
 * consent (credit-reporting rules), so the directory must not tell them who exists.
 */
@RestController
@Tag(name = "directory", description = "名录库：企业、园区、机构 / enterprise directory")
class DirectoryController {

    static final String READERS = "hasAnyRole('REGULATOR','AGENCY_ANALYST','VERIFIER','PARK_ADMIN','DATA_PROVIDER','ENTERPRISE')";
    static final String EDITORS = "hasAnyRole('REGULATOR','AGENCY_ANALYST')";

    private final DirectoryManagement directory;

    DirectoryController(DirectoryManagement directory) {
        this.directory = directory;
    }

    @GetMapping("/api/v1/enterprises")
    @PreAuthorize(READERS)
    @Operation(summary = "搜索企业（名称片段、地区、行业、园区，分页）/ search enterprises "
            + "(REGULATOR, AGENCY_ANALYST, VERIFIER, DATA_PROVIDER; PARK_ADMIN its own park; ENTERPRISE sees only itself)")
    Page<Enterprise> search(@RequestParam(required = false) String name, @RequestParam(required = false) String region,
            @RequestParam(required = false) String industry, @RequestParam(required = false) String park,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        Actor actor = Actors.require();
        // a park administrator searches its own park, whatever park it names
        EnterpriseQuery query = new EnterpriseQuery(name, region, industry, actor.confinedToPark() ? ownPark(actor) : park,
                page, size);
        return actor.confinedToOwnEnterprise()
                ? directory.searchWithin(query, actor.organisationCode())
                : directory.search(query);
    }

    @GetMapping("/api/v1/enterprises/{uscc}")
    @PreAuthorize(READERS)
    @Operation(summary = "按统一社会信用代码查询企业 / get an enterprise by USCC (readers as for search)")
    Enterprise get(@PathVariable String uscc) {
        String code = pathUscc(uscc);
        Actors.requireEnterpriseAccess(code);
        Actor actor = Actors.require();
        if (actor.confinedToPark()) {
            // one answer for an enterprise outside the park and for none at all
            return directory.findEnterprise(code).filter(e -> actor.worksForPark(e.parkCode()))
                    .orElseThrow(Actors::forbiddenTenant);
        }
        return directory.enterprise(code);
    }

    private static String ownPark(Actor actor) {
        if (actor.organisationCode() == null) {
            throw new DomainException("FORBIDDEN_TENANT", "园区管理员账号未关联园区", "This park administrator has no park")
                    .withStatus(403);
        }
        return actor.organisationCode();
    }

    @PostMapping("/api/v1/enterprises")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(EDITORS)
    @Operation(summary = "登记企业 / register an enterprise (REGULATOR, AGENCY_ANALYST)")
    Enterprise create(@Valid @RequestBody EnterpriseRequest request) {
        if (request.uscc() == null) {
            throw new DomainException("INVALID_USCC", "统一社会信用代码不能为空", "USCC is required");
        }
        return directory.register(request.uscc(), request.details());
    }

    @PutMapping("/api/v1/enterprises/{uscc}")
    @PreAuthorize(EDITORS)
    @Operation(summary = "更新企业信息（可带 version 做乐观锁）/ update an enterprise, optionally at a version "
            + "(REGULATOR, AGENCY_ANALYST)")
    Enterprise update(@PathVariable String uscc, @Valid @RequestBody EnterpriseRequest request) {
        String code = pathUscc(uscc);
        if (request.uscc() != null && !request.uscc().equalsIgnoreCase(code)) {
            throw new DomainException("USCC_MISMATCH", "请求体中的统一社会信用代码与路径不一致",
                    "The USCC in the body differs from the one in the path");
        }
        return directory.update(code, request.details(), request.version());
    }

    @GetMapping("/api/v1/parks")
    @PreAuthorize("isAuthenticated() and !hasRole('CITIZEN')")
    @Operation(summary = "园区列表 / parks (any institutional or enterprise role)")
    List<Park> parks() {
        return directory.parks();
    }

    @PostMapping("/api/v1/parks")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(EDITORS)
    @Operation(summary = "登记园区 / register a park (REGULATOR, AGENCY_ANALYST)")
    Park createPark(@Valid @RequestBody ParkRequest request) {
        return directory.registerPark(new Park(request.code(), request.nameZh(), request.nameEn(), request.regionCode(),
                false));
    }

    @GetMapping("/api/v1/institutions")
    @PreAuthorize("isAuthenticated() and !hasRole('CITIZEN')")
    @Operation(summary = "机构列表（金融机构及其类型）/ institutions with their type (any institutional or enterprise role)")
    List<Institution> institutions() {
        return directory.institutions();
    }

    @PostMapping("/api/v1/institutions")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(EDITORS)
    @Operation(summary = "登记机构 / register an institution (REGULATOR, AGENCY_ANALYST)")
    Institution createInstitution(@Valid @RequestBody InstitutionRequest request) {
        return directory.registerInstitution(new Institution(request.code(), request.nameZh(), request.nameEn(),
                parse(InstitutionType.class, request.type(), "INVALID_INSTITUTION_TYPE", "机构类型"),
                request.regionCode(), false));
    }

    @GetMapping("/api/v1/reference/regions")
    @Operation(summary = "行政区划（GB/T 2260）/ regions (public)")
    List<Region> regions() {
        return directory.regions();
    }

    @GetMapping("/api/v1/reference/industries")
    @Operation(summary = "行业及核算方法学（GB/T 4754-2017）/ industries and their methodology (public)")
    List<Industry> industries() {
        return directory.industries();
    }

    private static String pathUscc(String raw) {
        return Uscc.ofPath(raw).value();
    }

    static <E extends Enum<E>> E parse(Class<E> type, String value, String code, String labelZh) {
        if (value == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            List<String> allowed = java.util.Arrays.stream(type.getEnumConstants()).map(Enum::name).toList();
            throw new DomainException(code, labelZh + "无效：" + value + "，可选 " + allowed,
                    "Invalid " + type.getSimpleName() + ": " + value + ", expected one of " + allowed);
        }
    }

    record EnterpriseRequest(String uscc, @NotBlank @Size(max = 200) String nameZh, @Size(max = 200) String nameEn,
            @NotBlank String regionCode, @NotBlank String industryCode, @NotBlank String sizeClass,
            @NotBlank String transitionStage, String parkCode, Integer version) {

        EnterpriseDetails details() {
            return new EnterpriseDetails(nameZh.trim(), nameEn, regionCode, industryCode,
                    parse(SizeClass.class, sizeClass, "INVALID_SIZE_CLASS", "企业规模"),
                    parse(TransitionStage.class, transitionStage, "INVALID_TRANSITION_STAGE", "转型阶段"),
                    parkCode == null || parkCode.isBlank() ? null : parkCode);
        }
    }

    // a park's code is part of MQTT topics (tanxin/parks/{code}/...) and URLs: letters, digits and - _ only
    record ParkRequest(@NotBlank @Size(max = 32) @jakarta.validation.constraints.Pattern(regexp = "[A-Z0-9][A-Z0-9_-]{0,31}") String code, @NotBlank @Size(max = 128) String nameZh,
            @Size(max = 128) String nameEn, @NotBlank String regionCode) {
    }

    record InstitutionRequest(@NotBlank @Size(max = 32) String code, @NotBlank @Size(max = 128) String nameZh,
            @Size(max = 128) String nameEn, @NotNull String type, String regionCode) {
    }
}
