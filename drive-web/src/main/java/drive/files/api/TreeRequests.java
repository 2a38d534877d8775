package drive.files.api;

import drive.platform.control.DriveException;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.InputStream;
import java.util.NoSuchElementException;

/**
 * Reads the JSON bodies of the folder-and-move endpoints ({@code {path}} or {@code {from, to}}):
 * anything malformed, missing or of the wrong type is a 400 naming the expected shape, never a 500.
 */
final class TreeRequests {

    private TreeRequests() {}

    /** A JSON object; {@code shape} (e.g. "{from, to}") goes into the 400 for anything else. */
    static JsonObject object(InputStream body, String shape) {
        if (body == null) {
            throw DriveException.invalid("the body must be a JSON object " + shape);
        }
        try (JsonReader reader = Json.createReader(body)) {
            return reader.readObject();
        } catch (JsonException | IllegalStateException | NoSuchElementException e) {
            throw DriveException.invalid("the body must be a JSON object " + shape);
        }
    }

    /** The required string member {@code name}. */
    static String string(JsonObject json, String name) {
        JsonValue value = json.get(name);
        if (value == null || value == JsonValue.NULL) {
            throw DriveException.invalid("'" + name + "' is required");
        }
        if (!(value instanceof JsonString s)) {
            throw DriveException.invalid("'" + name + "' must be a string");
        }
        return s.getString();
    }
}
