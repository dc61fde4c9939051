package io.tanxin.support;

import static org.assertj.core.api.Assertions.assertThat;

/** Asserts an RFC 9457 problem answer: status, stable code, both languages. */
public final class ProblemAssert {

    private ProblemAssert() {
    }

    public static void assertProblem(Api.Response r, int status, String code) {
        assertThat(r.status()).as(r.toString()).isEqualTo(status);
        assertThat(r.contentType()).as(r.toString()).contains("application/problem+json");
        assertThat(r.problemCode()).as(r.toString()).isEqualTo(code);
        assertThat(r.json().path("messageZh").asString()).isNotBlank();
        assertThat(r.json().path("messageEn").asString()).isNotBlank();
    }
}
