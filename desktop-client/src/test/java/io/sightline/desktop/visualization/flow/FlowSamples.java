package io.sightline.desktop.visualization.flow;

import io.sightline.common.visualization.ResultColumn;
import io.sightline.common.visualization.ResultData;
import io.sightline.desktop.visualization.RendererFx;
import java.util.List;

/** Known results for the sankey, sunburst and word cloud tests and screenshots. */
public final class FlowSamples {

    private FlowSamples() {
    }

    /** Site visits in up to three stages: 15 home → pricing, 2 blog → pricing; "search" leaves at once. */
    public static ResultData visits() {
        return RendererFx.result(List.of(new ResultColumn("stage1", "string"), new ResultColumn("stage2", "string"),
                        new ResultColumn("stage3", "string"), new ResultColumn("value", "integer")),
                new Object[] {"home", "pricing", "signup", 10}, new Object[] {"home", "pricing", null, 5},
                new Object[] {"home", "docs", "signup", 3}, new Object[] {"blog", "pricing", "signup", 2},
                new Object[] {"search", null, null, 4});
    }

    /** A richer journey for the screenshots. */
    public static ResultData journeys() {
        return RendererFx.result(List.of(new ResultColumn("stage1", "string"), new ResultColumn("stage2", "string"),
                        new ResultColumn("stage3", "string"), new ResultColumn("stage4", "string"),
                        new ResultColumn("value", "integer")),
                new Object[] {"Search", "Product page", "Cart", "Checkout", 420},
                new Object[] {"Search", "Product page", "Cart", null, 260},
                new Object[] {"Search", "Product page", null, null, 610},
                new Object[] {"Search", "Category", "Product page", "Cart", 180},
                new Object[] {"Newsletter", "Product page", "Cart", "Checkout", 230},
                new Object[] {"Newsletter", "Category", null, null, 140},
                new Object[] {"Ads", "Landing page", "Product page", "Cart", 150},
                new Object[] {"Ads", "Landing page", null, null, 390},
                new Object[] {"Direct", "Home", "Category", "Product page", 210},
                new Object[] {"Direct", "Home", null, null, 160});
    }

    /** Paths: a → b 6, a → c 3 (as "3.8"), a alone 1, d alone 2. */
    public static ResultData paths() {
        return RendererFx.result(List.of(new ResultColumn("stage1", "string"), new ResultColumn("stage2", "string"),
                        new ResultColumn("value", "integer")),
                new Object[] {"a", null, 1}, new Object[] {"a", "b", 6}, new Object[] {"d", "", 2},
                new Object[] {"a", "c", "3.8"});
    }

    /** Release notes' words: "data" 9 times, "query" 6, "chart" 4, and a tail of words used once or twice. */
    public static ResultData notes() {
        return RendererFx.result(List.of(new ResultColumn("note", "string")),
                new Object[] {"data query chart data dashboard data query alert"},
                new Object[] {"data chart query data schedule data export"},
                new Object[] {"data query chart share data widget query"},
                new Object[] {"data chart query parameter filter sankey sunburst cloud"},
                new Object[] {"viewer desktop server common cache"});
    }
}
