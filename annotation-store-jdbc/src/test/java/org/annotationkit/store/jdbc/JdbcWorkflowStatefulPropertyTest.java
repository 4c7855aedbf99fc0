package org.annotationkit.store.jdbc;

import java.util.random.RandomGenerator;
import java.util.stream.Stream;
import org.annotationkit.core.store.WorkflowStore;
import org.annotationkit.core.testing.WorkflowStoreProperty;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Core's shared {@link WorkflowStoreProperty} on a {@link JdbcStore}: the same seeded actions and
 * invariants as on the journal store; a crash closes the store (its connections end, whatever was
 * not committed is rolled back) and reopening finds the committed state in the database.
 */
class JdbcWorkflowStatefulPropertyTest {

  static Stream<Long> seeds() {
    return WorkflowStoreProperty.seeds();
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void invariantsHoldAcrossCrashesAndReopens(long seed) {
    String schema = Stores.freshSchema();
    WorkflowStoreProperty.run(
        seed,
        new WorkflowStoreProperty.Durable() {
          @Override
          public WorkflowStore open() {
            return Stores.open(schema);
          }

          @Override
          public void crash(RandomGenerator random) {
            // the store was closed: its connections are gone, as a killed process's are
          }
        });
  }
}
