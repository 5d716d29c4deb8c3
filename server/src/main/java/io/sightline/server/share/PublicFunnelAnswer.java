package io.sightline.server.share;

import io.sightline.common.visualization.FunnelOptions;
import io.sightline.common.visualization.FunnelSteps;
import io.sightline.common.visualization.ResultData;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@code FUNNEL} widget's {@code funnel} for the shared page: {@code common}'s {@link FunnelSteps} with each step's
 * texts in the options' number and percent formats and its two bars' widths (0–1: the value's share of the largest,
 * "% previous"'s share of the largest such percent), as the desktop draws them; the page only lays them out.
 */
final class PublicFunnelAnswer {

    private PublicFunnelAnswer() {
    }

    static Map<String, Object> of(FunnelOptions options, ResultData data) {
        FunnelSteps funnel = FunnelSteps.of(data, options);
        List<Map<String, Object>> steps = new ArrayList<>();
        for (FunnelSteps.Step step : funnel.steps()) {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("step", step.step());
            one.put("value", step.value());
            one.put("value_text", options.valueText(step.value()));
            one.put("percent_max", finite(step.percentOfMax()));
            one.put("percent_max_text", options.percentText(step.percentOfMax()));
            one.put("percent_previous", finite(step.percentOfPrevious()));
            one.put("percent_previous_text", options.percentText(step.percentOfPrevious()));
            one.put("value_share", share(step.percentOfMax() / 100));
            one.put("previous_share", funnel.largestOfPrevious() > 0
                    ? share(step.percentOfPrevious() / funnel.largestOfPrevious()) : 0.0);
            steps.add(one);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("step_title", options.stepTitle());
        out.put("value_title", options.valueTitle());
        out.put("steps", steps);
        return out;
    }

    /** A percent JSON can carry: null for none (a step after a zero one, every value zero). */
    private static Double finite(double percent) {
        return Double.isFinite(percent) ? percent : null;
    }

    private static double share(double share) {
        return Double.isFinite(share) ? Math.max(0, Math.min(1, share)) : 0;
    }
}
