package dev.kiln.retry.it;

import dev.kiln.fixtures.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;

/** Fresh rows before each test and the README table written after each class. */
abstract class ErrorTestBase {

    /** Whether child 1 of parent 1 exists before each test. */
    boolean withChild() {
        return false;
    }

    @BeforeEach
    void resetRows(TestDatabase db) {
        Probe.of(db).reset(withChild());
    }

    @AfterAll
    static void writeTable() throws Exception {
        ErrorTable.write();
    }
}
