package drive.client;

import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;

/** Small helpers over Jakarta JSON Processing (Eclipse Parsson) for the answers of the API. */
final class Json {

    private Json() {}

    static JsonObject parse(String text) {
        try (JsonReader reader = jakarta.json.Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }

    /** A string member, or null when absent or JSON null. */
    static String string(JsonObject o, String name) {
        JsonValue v = o.get(name);
        return v == null || v.getValueType() != JsonValue.ValueType.STRING ? null : o.getString(name);
    }

    /** A number member as a long, or {@code otherwise} when absent or JSON null. */
    static long number(JsonObject o, String name, long otherwise) {
        JsonValue v = o.get(name);
        return v == null || v.getValueType() != JsonValue.ValueType.NUMBER
                ? otherwise
                : o.getJsonNumber(name).longValue();
    }
}
