package drive.files.api;

import drive.platform.control.DriveException;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * A JSON object request body, read with JSON-P and checked field by field, so that malformed JSON
 * or a field of the wrong type is a 400 with a message naming the field, never a 500.
 */
public final class JsonBody {

    private final JsonObject json;

    private JsonBody(JsonObject json) {
        this.json = json;
    }

    /** Reads the body; {@code shape} (e.g. {@code {path, baseRevision?}}) goes into the error message. */
    public static JsonBody read(InputStream body, String shape) {
        try (JsonReader reader = Json.createReader(body)) {
            return new JsonBody(reader.readObject());
        } catch (JsonException | IllegalStateException | NoSuchElementException e) {
            throw DriveException.invalid("the body must be a JSON object " + shape);
        }
    }

    /** A string field, or null when absent or null. */
    public String string(String name) {
        JsonValue value = json.get(name);
        if (value == null || value == JsonValue.NULL) {
            return null;
        }
        if (!(value instanceof JsonString s)) {
            throw DriveException.invalid(name + " must be a string");
        }
        return s.getString();
    }

    public String requiredString(String name) {
        String value = string(name);
        if (value == null) {
            throw DriveException.invalid(name + " is required");
        }
        return value;
    }

    /** A non-negative whole number field, or null when absent or null. */
    public Long wholeNumber(String name) {
        JsonValue value = json.get(name);
        if (value == null || value == JsonValue.NULL) {
            return null;
        }
        if (!(value instanceof JsonNumber n)
                || !n.isIntegral()
                || n.bigIntegerValue().bitLength() > 63
                || n.longValue() < 0) {
            throw DriveException.invalid(name + " must be a non-negative whole number");
        }
        return n.longValue();
    }

    public long requiredWholeNumber(String name) {
        Long value = wholeNumber(name);
        if (value == null) {
            throw DriveException.invalid(name + " is required");
        }
        return value;
    }

    /** An array-of-strings field; required. */
    /** A boolean field, or null when absent or null. */
    public Boolean bool(String name) {
        JsonValue value = json.get(name);
        if (value == null || value == JsonValue.NULL) {
            return null;
        }
        if (value != JsonValue.TRUE && value != JsonValue.FALSE) {
            throw DriveException.invalid(name + " must be true or false");
        }
        return value == JsonValue.TRUE;
    }

    public List<String> strings(String name) {
        JsonValue value = json.get(name);
        if (!(value instanceof JsonArray array)) {
            throw DriveException.invalid(name + " must be an array of strings");
        }
        List<String> result = new ArrayList<>(array.size());
        for (JsonValue item : array) {
            if (!(item instanceof JsonString s)) {
                throw DriveException.invalid(name + " must be an array of strings");
            }
            result.add(s.getString());
        }
        return result;
    }
}
