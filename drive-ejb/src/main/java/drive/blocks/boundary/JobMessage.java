package drive.blocks.boundary;

import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.util.OptionalLong;

/**
 * The body of an upload-job message, {@code {"job": "<id>", "crc32c": <n>}}: the job id, and the
 * CRC32C of the staged bytes against which processing checks them. Messages queued before the
 * checksum was added carry only the job id.
 */
record JobMessage(String jobId, OptionalLong crc32c) {

    static String body(String jobId, OptionalLong crc32c) {
        JsonObjectBuilder body = Json.createObjectBuilder().add("job", jobId);
        crc32c.ifPresent(crc -> body.add("crc32c", crc));
        return body.build().toString();
    }

    static String jobId(Message message) {
        return read(message).jobId();
    }

    static JobMessage read(Message message) {
        try {
            return parse(message.getBody(String.class));
        } catch (JMSException e) {
            throw new IllegalArgumentException("not an upload-job message: " + e, e);
        }
    }

    static JobMessage parse(String text) {
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            JsonObject body = reader.readObject();
            JsonNumber crc = body.getJsonNumber("crc32c");
            return new JobMessage(
                    body.getString("job"), crc == null ? OptionalLong.empty() : OptionalLong.of(crc.longValueExact()));
        } catch (JsonException | ClassCastException | NullPointerException | ArithmeticException e) {
            throw new IllegalArgumentException("not an upload-job message: " + e, e);
        }
    }
}
