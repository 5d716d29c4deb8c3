package io.sightline.desktop.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The desktop's layering: view models hold state and talk to the server, views draw it.
 * <ul>
 *   <li>a view model ({@code *ViewModel}) does not depend on {@code javafx.scene}: it is testable without a window
 *       and reusable by another front end (properties and collections of {@code javafx.beans} are fine);</li>
 *   <li>a view ({@code *View}, {@code *Dialog}, a renderer, a bar or popup) does not call the HTTP client: no
 *       {@code io.sightline.desktop.api.*Client} and no OkHttp. The records of the api package (a schema table, a
 *       dropdown option) may be shown.</li>
 *   <li>only the {@code api} package speaks HTTP: its transport ({@code SightlineClient}) and the per-feature
 *       clients over it; everything else goes through a client (the transport's calls are package-private).</li>
 * </ul>
 * Frozen exception: {@code ConnectionView} hands the freshly connected {@code SightlineClient} to its caller
 * (it does not call it); moving that hand-over into {@code ConnectionViewModel} is the fix.
 */
class DesktopArchitectureTest {

    private static final String VIEW = ".*(View|Dialog|Renderer|Renderers|Bar|Popup)(\\$.*)?";
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.sightline.desktop");
    }

    @Test
    void viewModelsDoNotDependOnTheSceneGraph() {
        noClasses().that().haveNameMatching(".*ViewModel(\\$.*)?")
                .should().dependOnClassesThat().resideInAPackage("javafx.scene..")
                .because("view models are tested without a window; drawing belongs in the views")
                .check(classes);
    }

    @Test
    void viewsDoNotCallTheHttpClient() {
        noClasses().that().haveNameMatching(VIEW)
                .and().haveNameNotMatching("io\\.sightline\\.desktop\\.connection\\.ConnectionView(\\$.*)?")
                .should().dependOnClassesThat().haveNameMatching("io\\.sightline\\.desktop\\.api\\..*Client(\\$.*)?")
                .orShould().dependOnClassesThat().resideInAPackage("okhttp3..")
                .because("views draw what their view model holds; the view model talks to the server")
                .check(classes);
    }

    @Test
    void onlyTheApiPackageSpeaksHttp() {
        noClasses().that().resideOutsideOfPackage("io.sightline.desktop.api")
                .should().dependOnClassesThat().resideInAPackage("okhttp3..")
                .because("requests go through a feature's client over the one transport, which holds the key and"
                        + " turns failures into messages a user can read")
                .check(classes);
    }

    @Test
    void packagesDoNotDependOnEachOtherInCircles() {
        slices().matching("io.sightline.desktop.(**)").should().beFreeOfCycles()
                .because("a feature package is understood on its own only when its dependencies run one way")
                .check(classes);
    }

    @Test
    void theRulesSeeTheClassesTheyAreAbout() {
        org.assertj.core.api.Assertions.assertThat(classes.stream().map(c -> c.getSimpleName()))
                .contains("QueryTabViewModel", "VisualizationsViewModel", "QueryTabView", "VisualizationsView",
                        "VisualizationEditorView", "ShareDialogViewModel", "EmbedLinkViewModel", "ShareDialog",
                        "SharePreviewView", "EmbedLinkView");
    }
}
