package io.sightline.desktop.visualization.map;

import static org.assertj.core.api.Assertions.assertThat;

import io.sightline.common.visualization.ChoroplethOptions;
import io.sightline.common.visualization.ResultColumn;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javafx.geometry.Point2D;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;

class MapSnapshotTest {

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
    }

    @Test
    void savesTheMapAsAPngWithTheSameColours(@TempDir Path dir) throws Exception {
        var result = MapFx.result(List.of(new ResultColumn("c", "string"), new ResultColumn("v", "float")),
                new Object[] {"BRA", 1.0}, new Object[] {"CAN", 2.0});
        MapView view = MapFx.show(() -> ChoroplethMap.render(new ChoroplethOptions(Map.of("keyColumn", "c",
                "targetField", "iso_a3", "valueColumn", "v")), result));
        Path file = dir.resolve("map.png");
        MapFx.fx(() -> {
            view.redraw();
            MapSnapshot.writePng(MapSnapshot.snapshot(view, 2), file);
            return null;
        });

        BufferedImage png = ImageIO.read(file.toFile());
        assertThat(png.getWidth()).isEqualTo(2 * MapFx.WIDTH);
        assertThat(png.getHeight()).isEqualTo(2 * MapFx.HEIGHT);
        Point2D canada = MapFx.at(view, -100, 58);
        assertThat(png.getRGB((int) (2 * canada.getX()), (int) (2 * canada.getY())) & 0xffffff).isEqualTo(0x002fb4);
        assertThat(Files.size(file)).isGreaterThan(1000);
    }
}
