package vn.sen;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

@SpringBootTest
class SenApplicationTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void runs_on_postgresql_17_or_an_external_postgresql_15_plus() {
        int version = jdbc.sql("show server_version_num").query(Integer.class).single();
        assertThat(version).isGreaterThanOrEqualTo(150000);
    }
}
