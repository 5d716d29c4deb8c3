package io.sightline.server.execution;

import io.sightline.server.support.Api;
import org.junit.jupiter.api.Test;

/**
 * The checks of {@link RedashClientChecks} as tests, for every queue mode's test class to run: a class implements
 * {@link #redashApi()} with its server's API and adds the tests where its mode differs.
 */
interface RedashClientContract {

    /** The API of the server under test, as its admin. */
    Api redashApi();

    @Test
    default void adHocRunIsPostedPolledAndFetched() {
        new RedashClientChecks(redashApi()).adHocRunIsPostedPolledAndFetched();
    }

    @Test
    default void savedQueryRunsWithParametersAndKeepsItsLatestResult() {
        new RedashClientChecks(redashApi()).savedQueryRunsWithParametersAndKeepsItsLatestResult();
    }

    @Test
    default void savedQueryRunsWithUrlParameters() {
        new RedashClientChecks(redashApi()).savedQueryRunsWithUrlParameters();
    }

    @Test
    default void adHocRunTakesUrlParameters() {
        new RedashClientChecks(redashApi()).adHocRunTakesUrlParameters();
    }

    @Test
    default void pagesThroughQueries() {
        new RedashClientChecks(redashApi()).pagesThroughQueries();
    }

    @Test
    default void pagesThroughDashboards() {
        new RedashClientChecks(redashApi()).pagesThroughDashboards();
    }
}
