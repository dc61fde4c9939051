package io.tanxin.intake.importing;

import java.util.Map;

import io.tanxin.intake.Dataset;
import io.tanxin.intake.importing.datasets.ActivityImport;
import io.tanxin.intake.importing.datasets.EtsVerifiedImport;
import io.tanxin.intake.importing.datasets.GreenPowerImport;
import io.tanxin.intake.importing.datasets.PenaltyImport;
import io.tanxin.intake.importing.datasets.TransitionImport;

/** The import of each dataset. */
public final class DatasetImports {

    private static final Map<Dataset, DatasetImport> IMPORTS = Map.of(
            Dataset.ACTIVITY, new ActivityImport(),
            Dataset.GREEN_POWER, new GreenPowerImport(),
            Dataset.PENALTY, new PenaltyImport(),
            Dataset.ETS_VERIFIED, new EtsVerifiedImport(),
            Dataset.TRANSITION, new TransitionImport());

    private DatasetImports() {
    }

    public static DatasetImport of(Dataset dataset) {
        return IMPORTS.get(dataset);
    }
}
