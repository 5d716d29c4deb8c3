package io.sightline.server.execution.parameters;

import io.sightline.common.parameter.ParameterDeclaration;
import io.sightline.server.system.ApiException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Parameter values in the forms Redash puts them in URLs: {@code p_<name>=value}, as shared links, drill-through
 * URLs and the web viewer carry them (Redash's {@code collect_parameters_from_request} and its client's
 * {@code fromUrlParams}). The form a value takes depends on its parameter's declaration:
 * <ul>
 *   <li>a date or date-time range: {@code p_dr=2024-01-02--2024-01-03} (start and end split at {@code --}), or
 *       {@code p_dr.start=...&p_dr.end=...}, or a dynamic range such as {@code p_dr=d_last_7_days};
 *   <li>a multi-value enum or dropdown: a JSON array {@code p_many=["new","shipped"]}, or the name repeated
 *       {@code p_many=new&p_many=shipped}, or one plain value;
 *   <li>anything else: the text as it is. Given more than once, it is refused (never silently the first).
 * </ul>
 * Names not declared (ad hoc SQL without a saved query) take their text as it is, for the binder to judge.
 */
public final class UrlParameterValues {

    public static final UrlParameterValues NONE = new UrlParameterValues(new LinkedMultiValueMap<>());
    private static final String PREFIX = "p_";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Values by what follows {@code p_} (a name, or a name with {@code .start} / {@code .end}). */
    private final MultiValueMap<String, String> given;

    private UrlParameterValues(MultiValueMap<String, String> given) {
        this.given = given;
    }

    /** The {@code p_} parameters of a request's URL; every other one is left out. */
    public static UrlParameterValues of(MultiValueMap<String, String> requestParameters) {
        MultiValueMap<String, String> given = new LinkedMultiValueMap<>();
        requestParameters.forEach((key, values) -> {
            if (key.startsWith(PREFIX) && key.length() > PREFIX.length()) {
                given.addAll(key.substring(PREFIX.length()), values);
            }
        });
        return new UrlParameterValues(given);
    }

    boolean isEmpty() {
        return given.isEmpty();
    }

    /**
     * The values as the binder takes them, read as {@code declarations} say.
     *
     * @throws ApiException 400 naming the parameter when a single-value one is given more than once, or a range
     *         only one of {@code .start} and {@code .end}
     */
    public Map<String, Object> values(List<ParameterDeclaration> declarations) {
        Map<String, ParameterDeclaration> declared = new LinkedHashMap<>();
        declarations.forEach(declaration -> declared.put(declaration.name(), declaration));
        Map<String, Object> values = new LinkedHashMap<>();
        for (ParameterDeclaration range : declared.values()) {
            if (range.type().isRange() && !given.containsKey(range.name())) {
                rangeOfParts(range.name()).ifPresent(value -> values.put(range.name(), value));
            }
        }
        given.forEach((name, texts) -> {
            ParameterDeclaration declaration = declared.get(name);
            if (declaration == null && isRangePart(name, declared)) {
                return; // read above as its range's start or end
            }
            if (declaration != null && declaration.isMultiValue()) {
                values.put(name, multiple(texts));
            } else {
                String text = single(name, texts);
                values.put(name, declaration != null && declaration.type().isRange() ? range(text) : text);
            }
        });
        return values;
    }

    /** {@code a--b} is a range's start and end; anything else (a dynamic range, a typo) goes on as text. */
    private static Object range(String text) {
        String[] parts = text.split("--", -1);
        return parts.length == 2 ? bounds(parts[0], parts[1]) : text;
    }

    private Optional<Map<String, Object>> rangeOfParts(String name) {
        List<String> start = given.get(name + ".start");
        List<String> end = given.get(name + ".end");
        if (start == null && end == null) {
            return Optional.empty();
        }
        if (start == null || end == null) {
            throw ApiException.badRequest("Parameter '" + name + "': the URL gives p_" + name
                    + (start == null ? ".end but not p_" + name + ".start" : ".start but not p_" + name + ".end")
                    + "; give both, or p_" + name + "=<start>--<end>");
        }
        return Optional.of(bounds(single(name + ".start", start), single(name + ".end", end)));
    }

    private static Map<String, Object> bounds(String start, String end) {
        Map<String, Object> range = new LinkedHashMap<>();
        range.put("start", start);
        range.put("end", end);
        return range;
    }

    private static boolean isRangePart(String name, Map<String, ParameterDeclaration> declared) {
        for (String part : List.of(".start", ".end")) {
            if (name.endsWith(part)) {
                ParameterDeclaration range = declared.get(name.substring(0, name.length() - part.length()));
                if (range != null && range.type().isRange()) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Each text a JSON array of values (Redash's web client writes that) or one value. */
    private static List<Object> multiple(List<String> texts) {
        List<Object> values = new ArrayList<>();
        for (String text : texts) {
            JsonNode array = jsonArray(text);
            if (array == null) {
                values.add(text);
            } else {
                for (JsonNode item : array.values()) {
                    values.add(item.isString() ? item.stringValue() : item.isNull() ? null : item.toString());
                }
            }
        }
        return values;
    }

    private static JsonNode jsonArray(String text) {
        if (!text.strip().startsWith("[")) {
            return null;
        }
        try {
            JsonNode node = JSON.readTree(text);
            return node.isArray() ? node : null;
        } catch (JacksonException e) {
            return null; // not JSON: an option that happens to start with '['
        }
    }

    private static String single(String name, List<String> texts) {
        if (texts.size() > 1) {
            String parameter = name.replaceFirst("\\.(start|end)$", "");
            throw ApiException.badRequest("Parameter '" + parameter + "' is given " + texts.size()
                    + " times in the URL (p_" + name + "); it takes one value (only multi-value parameters take"
                    + " several)");
        }
        return texts.get(0);
    }
}
