package io.sightline.desktop.ui;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** The workbench window opened on the test server as its admin, with a home of its own, before each test. */
abstract class WorkbenchWindowTest extends UiSupport {

    @TempDir
    Path home;

    @BeforeEach
    void openWorkbench() throws Exception {
        launchWorkbench(home);
    }

    @AfterEach
    void closeWorkbench() throws Exception {
        close();
    }
}
