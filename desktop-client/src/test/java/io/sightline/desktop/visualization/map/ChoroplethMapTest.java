package io.sightline.desktop.visualization.map;

import static io.sightline.desktop.visualization.map.MapFx.at;
import static io.sightline.desktop.visualization.map.MapFx.fx;
import static io.sightline.desktop.visualization.map.MapFx.hex;
import static io.sightline.desktop.visualization.map.MapFx.pixel;
import static org.assertj.core.api.Assertions.assertThat;

import io.sightline.common.visualization.ChoroplethOptions;
import io.sightline.common.visualization.ResultColumn;
import io.sightline.common.visualization.ResultData;
import io.sightline.desktop.visualization.render.ClickedRow;
import java.util.List;
import java.util.Map;
import javafx.geometry.Point2D;
import javafx.scene.paint.Color;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/** What the choropleth draws for a known result: colours sampled inside countries, the legend, tooltips, problems. */
class ChoroplethMapTest {

    private static final List<ResultColumn> COLUMNS = List.of(new ResultColumn("country", "string"),
            new ResultColumn("revenue", "float"));
    /** Brazil and Canada at the two ends of the scale (as in the demo, where the Americas differ most). */
    private static final ResultData REVENUE = MapFx.result(COLUMNS,
            new Object[] {"BRA", 100.0}, new Object[] {"CAN", 900.0}, new Object[] {"USA", 500.0},
            new Object[] {"DEU", 300.0}, new Object[] {"FRA", 200.0});

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
    }

    private static ChoroplethOptions options(Map<String, Object> saved) {
        return new ChoroplethOptions(saved);
    }

    @Test
    void fillsEachCountryWithTheColourOfItsClass() throws Exception {
        MapView view = MapFx.show(() -> ChoroplethMap.render(options(Map.of("keyColumn", "country",
                "targetField", "iso_a3", "valueColumn", "revenue")), REVENUE));

        // Redash's default: 5 equidistant classes 100, 300, 500, 700, 900 from #799CFF to #002FB4
        assertThat(hex(pixel(view, at(view, -50, -10)))).as("Brazil, the lowest value").isEqualTo("#799cff");
        assertThat(hex(pixel(view, at(view, -100, 58)))).as("Canada, the highest value").isEqualTo("#002fb4");
        assertThat(hex(pixel(view, at(view, -100, 40)))).as("USA, 500").isEqualTo("#3d66da");
        assertThat(hex(pixel(view, at(view, 135, -25)))).as("Australia has no row").isEqualTo("#dddddd");
        assertThat(hex(pixel(view, at(view, -30, 30)))).as("the Atlantic").isEqualTo("#ffffff");
        // Russia's rings that cross the antimeridian do not smear bands across the whole width
        assertThat(hex(pixel(view, at(view, 0, 67)))).as("the Norwegian Sea").isEqualTo("#ffffff");
        assertThat(hex(pixel(view, at(view, 100, 60)))).as("Siberia, no row").isEqualTo("#dddddd");
        assertThat(view.problems()).isEmpty();
    }

    @Test
    void quantileClassesPutTheValuesInTheRightOrder() throws Exception {
        MapView view = MapFx.show(() -> ChoroplethMap.render(options(Map.of("countryCodeColumn", "country",
                "countryCodeType", "iso_a3", "valueColumn", "revenue", "clusteringMode", "q", "steps", 3,
                "colors", Map.of("min", "#ffffff", "max", "#ff0000"))), REVENUE));

        Color brazil = pixel(view, at(view, -50, -10));
        Color germany = pixel(view, at(view, 10, 51));
        Color canada = pixel(view, at(view, -100, 58));
        assertThat(brazil.getGreen()).as("lower values are lighter").isGreaterThan(germany.getGreen());
        assertThat(germany.getGreen()).isGreaterThan(canada.getGreen());
        assertThat(hex(canada)).isEqualTo("#ff0000");
    }

    @Test
    void keysThatMatchNoCountryAreReportedAndTheRestIsDrawn() throws Exception {
        ResultData result = MapFx.result(COLUMNS, new Object[] {"BRA", 1.0}, new Object[] {"XXX", 2.0},
                new Object[] {"Atlantis", 3.0}, new Object[] {"CAN", 4.0});
        MapView view = MapFx.show(() -> ChoroplethMap.render(options(Map.of("keyColumn", "country",
                "targetField", "iso_a3", "valueColumn", "revenue")), result));

        assertThat(view.problems()).singleElement().asString()
                .contains("2 of 4 keys match no country by iso_a3").contains("XXX").contains("Atlantis");
        assertThat(hex(pixel(view, at(view, -100, 58)))).isEqualTo("#002fb4");
    }

    @Test
    void matchesByTheNamesAndCodesRedashOffers() throws Exception {
        for (String[] field : new String[][] {{"iso_a2", "BR", "CA"}, {"name", "Brazil", "Canada"},
                {"name_long", "Brazil", "Canada"}, {"iso_n3", "076", "124"}}) {
            ResultData result = MapFx.result(COLUMNS, new Object[] {field[1], 1.0}, new Object[] {field[2], 2.0});
            MapView view = MapFx.show(() -> ChoroplethMap.render(options(Map.of("keyColumn", "country",
                    "targetField", field[0], "valueColumn", "revenue")), result));
            assertThat(view.problems()).as(field[0]).isEmpty();
            assertThat(hex(pixel(view, at(view, -50, -10)))).as(field[0]).isEqualTo("#799cff");
            assertThat(hex(pixel(view, at(view, -100, 58)))).as(field[0]).isEqualTo("#002fb4");
        }
    }

    @Test
    void tooltipShowsTheTemplateWithNameAndFormattedValue() throws Exception {
        MapView view = MapFx.show(() -> ChoroplethMap.render(options(Map.of("keyColumn", "country",
                "targetField", "iso_a3", "valueColumn", "revenue", "valueFormat", "$0,0")), REVENUE));
        Point2D brazil = at(view, -50, -10);
        fx(() -> {
            view.hoverAt(brazil.getX(), brazil.getY());
            return null;
        });
        assertThat(fx(view::tooltipText)).isEqualTo("Brazil: $100");
        Point2D sea = at(view, -30, 30);
        fx(() -> {
            view.hoverAt(sea.getX(), sea.getY());
            return null;
        });
        assertThat(fx(view::tooltipText)).isNull();
        fx(() -> {
            view.clickAt(brazil.getX(), brazil.getY());
            return null;
        });
        assertThat(fx(view::popupText)).as("Redash's default popup").isEqualTo("Country: Brazil (BR)\nValue: $100");
    }

    @Test
    void aClickOnACountryIsAboutItsRowForADrillThroughAndOneOnTheSeaAboutNone() throws Exception {
        MapView view = MapFx.show(() -> ChoroplethMap.render(options(Map.of("keyColumn", "country",
                "targetField", "iso_a3", "valueColumn", "revenue")), REVENUE));
        FxRobot robot = new FxRobot();
        Point2D brazil = fx(() -> view.localToScreen(at(view, -50, -10)));
        robot.clickOn(brazil);
        assertThat(fx(() -> ClickedRow.of(view.getChildrenUnmodifiable().get(0)))).as("the row behind Brazil")
                .contains(REVENUE.rows().get(0));
        Point2D sea = fx(() -> view.localToScreen(at(view, -30, 30)));
        robot.clickOn(sea);
        assertThat(fx(() -> ClickedRow.of(view.getChildrenUnmodifiable().get(0)))).as("the Atlantic has no row").isEmpty();
    }

    @Test
    void zoomKeepsThePointUnderThePointerAndPanMovesTheMap() throws Exception {
        MapView view = MapFx.show(() -> ChoroplethMap.render(options(Map.of("keyColumn", "country",
                "targetField", "iso_a3", "valueColumn", "revenue")), REVENUE));
        Point2D brazil = at(view, -50, -10);
        fx(() -> {
            view.zoomAt(brazil.getX(), brazil.getY(), 4);
            return null;
        });
        assertThat(at(view, -50, -10).distance(brazil)).isLessThan(0.01);
        assertThat(fx(view::zoom)).isEqualTo(4.0);
        fx(() -> {
            view.panBy(100, -50);
            return null;
        });
        Point2D moved = at(view, -50, -10);
        assertThat(moved.getX()).isCloseTo(brazil.getX() + 100, org.assertj.core.data.Offset.offset(0.01));
        assertThat(hex(pixel(view, moved))).isEqualTo("#799cff");
    }

    @Test
    void statesAreMatchedByUspsCodeOnTheUsaMap() throws Exception {
        ResultData result = MapFx.result(List.of(new ResultColumn("state", "string"), new ResultColumn("n", "integer")),
                new Object[] {"TX", 10}, new Object[] {"CA", 20}, new Object[] {"ZZ", 5});
        MapView view = MapFx.show(() -> ChoroplethMap.render(options(Map.of("mapType", "usa", "keyColumn", "state",
                "targetField", "usps_abbrev", "valueColumn", "n", "steps", 2)), result));

        assertThat(view.problems()).singleElement().asString().contains("match no state").contains("ZZ");
        // us-atlas's Albers plane: Texas's interior near (430, 450), California's near (60, 240)
        Point2D texas = fx(() -> view.toScreen(430, 450));
        Point2D california = fx(() -> view.toScreen(60, 240));
        assertThat(hex(pixel(view, texas))).isEqualTo("#799cff");
        assertThat(hex(pixel(view, california))).isEqualTo("#002fb4");
    }

    @Test
    void savedBoundsAreTheFirstView() throws Exception {
        MapView view = MapFx.show(() -> ChoroplethMap.render(options(Map.of("keyColumn", "country",
                "targetField", "iso_a3", "valueColumn", "revenue",
                "bounds", List.of(List.of(-35, -75), List.of(6, -34)))), REVENUE));
        double[] visible = fx(view::visibleExtent);
        assertThat(Mercator.lat(visible[1])).isCloseTo(6, org.assertj.core.data.Offset.offset(0.5));
        assertThat(Mercator.lat(visible[3])).isCloseTo(-35, org.assertj.core.data.Offset.offset(0.5));
        assertThat(Mercator.lon(visible[0])).isLessThanOrEqualTo(-75);
        assertThat(hex(pixel(view, at(view, -50, -10)))).isEqualTo("#799cff");
    }

    @Test
    void darkThemeDrawsTheSeaDark() throws Exception {
        MapView view = MapFx.show(() -> ChoroplethMap.render(options(Map.of("keyColumn", "country",
                "targetField", "iso_a3", "valueColumn", "revenue")), REVENUE, MapTheme.DARK));
        assertThat(hex(pixel(view, at(view, -30, 30)))).isEqualTo(hex(MapTheme.DARK.background));
        assertThat(hex(pixel(view, at(view, -100, 58)))).isEqualTo("#002fb4");
    }
}
