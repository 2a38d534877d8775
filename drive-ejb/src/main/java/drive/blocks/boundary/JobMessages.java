package drive.blocks.boundary;

import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonReader;
import java.io.StringReader;

/** Reads the job id out of an upload-job message ({@code {"job": "<id>"}}). */
final class JobMessages {

    private JobMessages() {}

    static String jobId(Message message) {
        try (JsonReader reader = Json.createReader(new StringReader(message.getBody(String.class)))) {
            return reader.readObject().getString("job");
        } catch (JMSException | JsonException | ClassCastException | NullPointerException e) {
            throw new IllegalArgumentException("not an upload-job message: " + e, e);
        }
    }
}
