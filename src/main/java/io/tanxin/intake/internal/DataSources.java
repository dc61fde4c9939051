package io.tanxin.intake.internal;

import java.util.Optional;

import io.tanxin.intake.SourceType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Which institution reports as which source. */
@Repository
public class DataSources {

    private final JdbcClient jdbc;

    DataSources(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<SourceType> sourceOf(String institutionCode) {
        return jdbc.sql("SELECT source_type FROM data_source WHERE institution_code = ?").param(institutionCode)
                .query(String.class).optional().map(SourceType::valueOf);
    }

    public void register(String institutionCode, SourceType type) {
        if (jdbc.sql("UPDATE data_source SET source_type = ? WHERE institution_code = ?")
                .params(type.name(), institutionCode).update() == 0) {
            jdbc.sql("INSERT INTO data_source (institution_code, source_type) VALUES (?, ?)")
                    .params(institutionCode, type.name()).update();
        }
    }
}
