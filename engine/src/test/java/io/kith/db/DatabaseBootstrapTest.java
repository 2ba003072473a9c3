package io.kith.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.kith.KithApplication;
import io.kith.StartupFailureAnalyzer;
import io.kith.testing.KithServer;
import io.kith.testing.TestDatabase;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** Kith creates its database when missing (with a ctype under which pg_trgm indexes CJK) and explains an unreachable server. */
@ExtendWith(OutputCaptureExtension.class)
class DatabaseBootstrapTest {

  private static final String UNREACHABLE = "r2dbc:postgresql://127.0.0.1:1/kith_x";

  @Test
  void createsMissingDatabaseWithUtf8CtypeSoTrigramsCoverCjk() {
    try (TestDatabase db = new TestDatabase(); KithServer server = KithServer.start(db, null)) {
      Map<String, Object> database = db.query("""
          select pg_encoding_to_char(encoding) as encoding, datcollate, datctype
            from pg_database where datname = current_database()""").get(0);
      assertThat(database).containsEntry("encoding", "UTF8").containsEntry("datctype", "C.UTF-8")
          .containsEntry("datcollate", "C.UTF-8");
      Object trigrams = db.query("select show_trgm('陳大文') as t").get(0).get("t");
      assertThat(trigrams).isInstanceOf(String[].class);
      // pg_trgm prints multibyte trigrams as hashes ("0x95ff1f"); under ctype C there would be none.
      assertThat((String[]) trigrams).isNotEmpty();
    }
  }

  @Test
  void unreachableServerStopsStartupNamingTheUrl(CapturedOutput output) {
    Throwable failure = catchThrowable(() -> new SpringApplication(KithApplication.class).run(
        "--server.port=0",
        "--spring.r2dbc.url=" + UNREACHABLE,
        "--spring.main.banner-mode=off",
        "--logging.level.root=WARN"));

    assertThat(failure).isNotNull().rootCause().isInstanceOf(DatabaseUnreachableException.class);
    FailureAnalysis analysis = new StartupFailureAnalyzer().analyze(failure);
    assertThat(analysis).isNotNull();
    assertThat(analysis.getDescription()).contains(UNREACHABLE);
    assertThat(analysis.getAction()).contains("SPRING_R2DBC_URL");
    assertThat(output.getAll()).as("the analyzer is registered and reported at start-up")
        .contains("APPLICATION FAILED TO START", "Kith could not connect to PostgreSQL at " + UNREACHABLE);
  }
}
