package io.sightline.common.parameter;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** A value that passed {@link ParameterValidator}, in canonical text. */
public sealed interface ValidatedValue {

    /** The value as JSON would carry it: a string, a list of strings or {@code {start, end}}. */
    Object asJson();

    /** One value: the text of a text, number, date or chosen option. */
    record Single(String text) implements ValidatedValue {
        public Single {
            Objects.requireNonNull(text, "text");
        }

        @Override
        public Object asJson() {
            return text;
        }
    }

    /** The chosen options of a multi-value enum or query parameter; never empty. */
    record Multi(List<String> values) implements ValidatedValue {
        public Multi {
            values = List.copyOf(values);
        }

        @Override
        public Object asJson() {
            return values;
        }
    }

    /** Both ends of a date or date-time range, included; start is not after end. */
    record Range(String start, String end) implements ValidatedValue {
        public Range {
            Objects.requireNonNull(start, "start");
            Objects.requireNonNull(end, "end");
        }

        @Override
        public Object asJson() {
            Map<String, String> json = new LinkedHashMap<>();
            json.put("start", start);
            json.put("end", end);
            return Collections.unmodifiableMap(json);
        }
    }
}
