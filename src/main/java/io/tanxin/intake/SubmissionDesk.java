package io.tanxin.intake;

import java.util.Locale;

import io.tanxin.identity.Actor;
import io.tanxin.identity.Role;
import io.tanxin.shared.DomainException;
import io.tanxin.shared.EnumParameter;
import org.springframework.stereotype.Component;

/**
 * Where every caller's file or rows enter, whichever door they came through (API or console):
 * decides the source the caller speaks for, what it may submit, and the file's channel.
 */
@Component
public class SubmissionDesk {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final IntakeManagement intake;

    SubmissionDesk(IntakeManagement intake) {
        this.intake = intake;
    }

    public SubmissionResult submit(Actor actor, String datasetName, String sourceName, Channel channel, String key,
            String fileName, String contentType, byte[] content) {
        Dataset dataset = EnumParameter.parse(Dataset.class, datasetName, "UNKNOWN_DATASET", "数据集");
        if (key != null && (key.isBlank() || key.length() > 128)) {
            throw new DomainException("INVALID_IDEMPOTENCY_KEY", "Idempotency-Key 应为 1–128 个字符",
                    "Idempotency-Key must have 1–128 characters").withStatus(400);
        }
        SourceType source;
        String onlyUscc = null;
        if (actor.has(Role.AGENCY_ANALYST)) {
            source = sourceName == null ? SourceType.SELF_REPORT : EnumParameter.parse(SourceType.class, sourceName, "UNKNOWN_SOURCE", "数据来源");
        } else if (actor.has(Role.VERIFIER)) {
            source = SourceType.VERIFIER;
        } else if (actor.confinedToOwnEnterprise()) {
            source = SourceType.SELF_REPORT;
            onlyUscc = actor.organisationCode();
        } else {
            source = intake.sourceOf(actor.organisationCode()).orElseThrow(() -> new DomainException("NO_DATA_SOURCE",
                    "所属机构未登记为数据来源，无法提交", "Your institution is not registered as a data source")
                    .withStatus(403));
        }
        if ((dataset == Dataset.PENALTY || dataset == Dataset.ETS_VERIFIED) && !actor.has(Role.AGENCY_ANALYST)
                && source != SourceType.ECO_ENVIRONMENT && source != SourceType.VERIFIER) {
            throw new DomainException("SOURCE_NOT_ALLOWED", "该数据集只能由生态环境部门或核查机构提交",
                    "This dataset may only come from the eco-environment authority or a verifier").withStatus(403);
        }
        return intake.submit(new SubmissionRequest(dataset, source, channel, actor.username(), onlyUscc, key,
                fileName, contentType, content));
    }

    public static Channel channelOf(String fileName, String contentType) {
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        if (name.endsWith(".csv") || "text/csv".equals(contentType)) {
            return Channel.CSV;
        }
        if (name.endsWith(".xlsx") || XLSX.equals(contentType)) {
            return Channel.XLSX;
        }
        throw new DomainException("UNSUPPORTED_FILE_TYPE", "只接受 .csv 或 .xlsx 文件", "Only .csv and .xlsx files are accepted")
                .withStatus(415);
    }
}
