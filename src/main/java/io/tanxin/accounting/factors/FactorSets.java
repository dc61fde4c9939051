package io.tanxin.accounting.factors;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.tanxin.accounting.engine.FactorSet;
import io.tanxin.accounting.engine.FactorSetCsv;
import io.tanxin.shared.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The emission factor sets. On start the bundled reference files are compared with the newest
 * published version by content hash; if they differ they become a new version. Old versions are
 * never edited, so every run can be reproduced with the exact factors it used.
 */
@Service
public class FactorSets implements InitializingBean {

    public static final String DEFAULT_CODE = "CN-DEFAULT";
    private static final Logger log = LoggerFactory.getLogger(FactorSets.class);

    private final FactorSetStore store;
    private final TransactionTemplate tx;
    private final Map<String, FactorSet> loaded = new ConcurrentHashMap<>();
    private volatile FactorSet current;

    FactorSets(FactorSetStore store, TransactionTemplate tx) {
        this.store = store;
        this.tx = tx;
    }

    @Override
    public void afterPropertiesSet() {
        Map<String, String> texts = ReferenceFactorFiles.texts();
        String hash = ReferenceFactorFiles.hash(texts);
        tx.executeWithoutResult(s -> {
            var latest = store.latestPublished(DEFAULT_CODE);
            if (latest.isEmpty() || !latest.get().contentHash().equals(hash)) {
                int version = latest.map(l -> l.version() + 1).orElse(1);
                FactorSet parsed = FactorSetCsv.parse(DEFAULT_CODE, version, texts);
                store.insert(DEFAULT_CODE, version,
                        "国家及山西默认排放因子（GB/T 32151、生态环境部/国家统计局公告等，见各因子来源）/ "
                                + "national and Shanxi default factors (sources per factor)",
                        hash, FactorRows.of(parsed));
                log.info("published factor set {} v{}", DEFAULT_CODE, version);
            }
        });
        current = load(DEFAULT_CODE, store.latestPublished(DEFAULT_CODE).orElseThrow().version());
    }

    /** The newest published set, used for new calculations. */
    public FactorSet current() {
        return current;
    }

    public FactorSet load(String code, int version) {
        return loaded.computeIfAbsent(code + "/" + version, k -> {
            FactorSetInfo info = info(code, version);
            return FactorRows.toSet(code, version, store.rows(info.id()));
        });
    }

    public List<FactorSetInfo> list() {
        return store.list();
    }

    public List<FactorRow> rows(String code, int version) {
        return store.rows(info(code, version).id());
    }

    private FactorSetInfo info(String code, int version) {
        return store.find(code, version).orElseThrow(() -> new NotFoundException("FACTOR_SET_NOT_FOUND",
                "未找到排放因子集 " + code + " 版本 " + version, "No factor set " + code + " version " + version));
    }
}
