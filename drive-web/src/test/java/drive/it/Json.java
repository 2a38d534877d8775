package drive.it;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON for the HTTP tests through Jakarta JSON Processing (Eclipse Parsson): answers become plain
 * Java values (objects {@link Map}, arrays {@link List}, numbers {@link Long} or {@link BigDecimal})
 * so that assertions read naturally.
 */
final class Json {

    private Json() {}

    static Object parse(String text) {
        try (JsonReader reader = jakarta.json.Json.createReader(new StringReader(text))) {
            return plain(reader.readValue());
        }
    }

    /** A flat JSON object of string values: {@code object("a", "1", "b", "2")}. */
    static String object(String... keysAndValues) {
        JsonObjectBuilder object = jakarta.json.Json.createObjectBuilder();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            object.add(keysAndValues[i], keysAndValues[i + 1]);
        }
        return object.build().toString();
    }

    private static Object plain(JsonValue value) {
        return switch (value.getValueType()) {
            case OBJECT -> {
                Map<String, Object> map = new LinkedHashMap<>();
                value.asJsonObject().forEach((k, v) -> map.put(k, plain(v)));
                yield map;
            }
            case ARRAY -> value.asJsonArray().stream().map(Json::plain).toList();
            case STRING -> ((JsonString) value).getString();
            case NUMBER -> ((JsonNumber) value).isIntegral()
                    ? (Object) ((JsonNumber) value).longValue()
                    : ((JsonNumber) value).bigDecimalValue();
            case TRUE -> Boolean.TRUE;
            case FALSE -> Boolean.FALSE;
            case NULL -> null;
        };
    }
}
