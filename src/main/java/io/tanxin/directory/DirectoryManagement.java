package io.tanxin.directory;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.tanxin.directory.internal.DirectoryStore;
import io.tanxin.shared.DomainException;
import io.tanxin.shared.NotFoundException;
import io.tanxin.shared.Page;
import io.tanxin.shared.Uscc;
import org.springframework.stereotype.Service;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.transaction.annotation.Transactional;

/** The directory's API: enterprises, parks, institutions and the regions and industries they use. */
@Service
public class DirectoryManagement {

    private final DirectoryStore store;
    private volatile Map<String, Region> regions;
    private volatile Map<String, Industry> industries;
    // one entry each ("all"), kept at most LISTS_FRESH_FOR
    private final Cache<String, List<Park>> parks = Caffeine.newBuilder().expireAfterWrite(LISTS_FRESH_FOR).build();
    private final Cache<String, List<Institution>> institutions =
            Caffeine.newBuilder().expireAfterWrite(LISTS_FRESH_FOR).build();

    DirectoryManagement(DirectoryStore store) {
        this.store = store;
    }

    @Transactional
    public Enterprise register(String rawUscc, EnterpriseDetails details) {
        Uscc uscc = Uscc.of(rawUscc);
        validate(details);
        // characters 3–8 are where it was registered (DESIGN §5.1): a county of the region's city, or the city itself
        if (details.regionCode() != null && !uscc.divisionCode().startsWith(details.regionCode().substring(0, 4))) {
            throw new DomainException("USCC_REGION_MISMATCH", "统一社会信用代码的登记机关行政区划 " + uscc.divisionCode()
                    + " 不属于地区 " + details.regionCode(), "The USCC's division code " + uscc.divisionCode()
                    + " is not within region " + details.regionCode());
        }
        if (store.enterprise(uscc.value()).isPresent()) {
            throw new DomainException("ENTERPRISE_EXISTS", "企业已存在：" + uscc, "Enterprise already registered: " + uscc)
                    .withStatus(409);
        }
        store.insert(uscc.value(), details, false);
        return store.enterprise(uscc.value()).orElseThrow();
    }

    @Transactional
    public Enterprise update(String rawUscc, EnterpriseDetails details, Integer expectedVersion) {
        Uscc uscc = Uscc.of(rawUscc);
        validate(details);
        Enterprise current = enterprise(uscc.value());
        if (!store.update(uscc.value(), details, expectedVersion)) {
            throw new DomainException("VERSION_CONFLICT", "企业信息已被他人修改（当前版本 " + current.version() + "），请刷新后重试",
                    "The enterprise was changed by someone else (now version " + current.version() + "); reload and retry")
                    .withStatus(409);
        }
        return enterprise(uscc.value());
    }

    /** Bulk registration for trusted loaders (demo province); checks every code and reference first. */
    @Transactional
    public void registerAll(List<Enterprise> enterprises) {
        for (Enterprise e : enterprises) {
            Uscc.of(e.uscc());
            validate(new EnterpriseDetails(e.nameZh(), e.nameEn(), e.regionCode(), e.industryCode(), e.sizeClass(),
                    e.transitionStage(), e.parkCode()));
        }
        store.insertAll(enterprises);
    }

    public Optional<Enterprise> findEnterprise(String uscc) {
        return store.enterprise(uscc);
    }

    /** The enterprises among {@code usccs} that exist, by USCC, read at once. */
    public java.util.Map<String, Enterprise> findEnterprises(java.util.Collection<String> usccs) {
        java.util.Map<String, Enterprise> found = new java.util.HashMap<>();
        store.enterprises(usccs).forEach(e -> found.put(e.uscc(), e));
        return found;
    }

    public Enterprise enterprise(String uscc) {
        return store.enterprise(uscc).orElseThrow(() -> new NotFoundException("ENTERPRISE_NOT_FOUND",
                "未找到企业：" + uscc, "No enterprise with USCC " + uscc));
    }

    public Page<Enterprise> search(EnterpriseQuery query) {
        return store.search(normalise(query), null);
    }

    /** The same search confined to one enterprise, for callers who may see only their own. */
    public Page<Enterprise> searchWithin(EnterpriseQuery query, String uscc) {
        return store.search(normalise(query), uscc);
    }

    /** Every enterprise, for province-wide views that aggregate in memory (a pilot province has thousands, not millions). */
    public List<Enterprise> allEnterprises() {
        return store.allEnterprises();
    }

    /** Every registered USCC, for bulk checks (imports) without one query per row. */
    public java.util.Set<String> allUscc() {
        return store.allUscc();
    }

    public long enterpriseCount() {
        return store.countEnterprises();
    }

    private static EnterpriseQuery normalise(EnterpriseQuery q) {
        io.tanxin.shared.Page.check(q.page(), q.size());
        return q;
    }

    // --- reference data

    public List<Region> regions() {
        return List.copyOf(regionIndex().values());
    }

    public List<Industry> industries() {
        return List.copyOf(industryIndex().values());
    }

    /**
     * The region of a GB/T 2260 code. A district (e.g. 140402) resolves through its city (140400)
     * or province, since the bundled table lists cities only; the district code is kept as given.
     */
    public Region region(String code) {
        if (code == null || !code.matches("\\d{6}")) {
            throw unknownRegion(code);
        }
        Map<String, Region> index = regionIndex();
        Region exact = index.get(code);
        if (exact != null) {
            return exact;
        }
        Region parent = Optional.ofNullable(index.get(code.substring(0, 4) + "00"))
                .orElse(index.get(code.substring(0, 2) + "0000"));
        if (parent == null) {
            throw unknownRegion(code);
        }
        return new Region(code, parent.nameZh(), parent.nameEn(), "district", parent.code(), parent.gridRegion());
    }

    public Industry industry(String code) {
        Industry industry = code == null ? null : industryIndex().get(code);
        if (industry == null) {
            throw new DomainException("UNKNOWN_INDUSTRY", "未知的国民经济行业代码（GB/T 4754-2017）：" + code,
                    "Unknown GB/T 4754-2017 industry code: " + code);
        }
        return industry;
    }

    /**
     * Parks and institutions are only ever added, and only here; every report names them. They are
     * read again after {@link #LISTS_FRESH_FOR} at most, so that one added through another instance
     * shows here within seconds; one added here shows at once.
     */
    public List<Park> parks() {
        return parks.get(ALL, k -> List.copyOf(store.parks()));
    }

    /** A park by its code; an unknown code is a 404 rather than an empty answer about no park. */
    public Park park(String code) {
        return parks().stream().filter(p -> p.code().equals(code)).findFirst()
                .orElseThrow(() -> new NotFoundException("PARK_NOT_FOUND", "没有该园区：" + code, "No such park: " + code));
    }

    public List<Institution> institutions() {
        return institutions.get(ALL, k -> List.copyOf(store.institutions()));
    }

    static final java.time.Duration LISTS_FRESH_FOR = java.time.Duration.ofSeconds(10);
    private static final String ALL = "all";

    /**
     * Forgets the cached parks and institutions now and again once the adding transaction is over: a
     * reader in between may have read the list without the new row and cached it.
     */
    private void forgetParksAndInstitutions() {
        parks.invalidateAll();
        institutions.invalidateAll();
        if (org.springframework.transaction.support.TransactionSynchronizationManager.isSynchronizationActive()) {
            org.springframework.transaction.support.TransactionSynchronizationManager.registerSynchronization(
                    new org.springframework.transaction.support.TransactionSynchronization() {
                        @Override
                        public void afterCompletion(int status) {
                            parks.invalidateAll();
                            institutions.invalidateAll();
                        }
                    });
        }
    }

    @Transactional
    public Park registerPark(Park park) {
        region(park.regionCode());
        if (store.park(park.code()).isPresent()) {
            throw new DomainException("PARK_EXISTS", "园区已存在：" + park.code(), "Park already exists: " + park.code())
                    .withStatus(409);
        }
        store.insertPark(park);
        forgetParksAndInstitutions();
        return park;
    }

    @Transactional
    public Institution registerInstitution(Institution institution) {
        if (institution.regionCode() != null) {
            region(institution.regionCode());
        }
        if (store.institutions().stream().anyMatch(i -> i.code().equals(institution.code()))) {
            throw new DomainException("INSTITUTION_EXISTS", "机构已存在：" + institution.code(),
                    "Institution already exists: " + institution.code()).withStatus(409);
        }
        store.insertInstitution(institution);
        forgetParksAndInstitutions();
        return institution;
    }

    private void validate(EnterpriseDetails d) {
        if (d.nameZh() == null || d.nameZh().isBlank() || d.nameZh().length() > 200) {
            throw new DomainException("INVALID_NAME", "企业名称必填，最多 200 字", "Name is required, at most 200 characters");
        }
        if (d.nameEn() != null && d.nameEn().length() > 200) {
            throw new DomainException("INVALID_NAME", "英文名称最多 200 字", "English name has at most 200 characters");
        }
        region(d.regionCode());
        industry(d.industryCode());
        if (d.sizeClass() == null) {
            throw new DomainException("SIZE_CLASS_REQUIRED", "企业规模必填（LARGE/MEDIUM/SMALL/MICRO）",
                    "Size class is required (LARGE/MEDIUM/SMALL/MICRO)");
        }
        if (d.transitionStage() == null) {
            throw new DomainException("TRANSITION_STAGE_REQUIRED", "转型阶段必填（INITIAL/MIDDLE/MATURE）",
                    "Transition stage is required (INITIAL/MIDDLE/MATURE)");
        }
        if (d.parkCode() != null && store.park(d.parkCode()).isEmpty()) {
            throw new DomainException("UNKNOWN_PARK", "未知园区：" + d.parkCode(), "Unknown park: " + d.parkCode());
        }
    }

    private static DomainException unknownRegion(String code) {
        return new DomainException("UNKNOWN_REGION", "未知的行政区划代码（GB/T 2260）：" + code,
                "Unknown GB/T 2260 region code: " + code);
    }

    private Map<String, Region> regionIndex() {
        if (regions == null) {
            regions = store.regions().stream().collect(Collectors.toMap(Region::code, Function.identity(),
                    (a, b) -> a, java.util.TreeMap::new));
        }
        return regions;
    }

    private Map<String, Industry> industryIndex() {
        if (industries == null) {
            industries = store.industries().stream().collect(Collectors.toMap(Industry::code, Function.identity(),
                    (a, b) -> a, java.util.TreeMap::new));
        }
        return industries;
    }
}
