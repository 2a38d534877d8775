package drive.platform.api;

import java.util.Map;
import java.util.TreeMap;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;

/**
 * Keeps the document served at {@code /openapi} to the hand-written {@code META-INF/openapi.yaml}:
 * Payara adds a top-level {@code endpoints} map of its own, which is no OpenAPI field, so strict
 * validators and client generators reject the document. Payara's model has no API to drop it; its
 * setter is called here by name, and on another runtime (no such method) nothing happens.
 * {@code drive.it.OpenApiHttpIT} fails if the field comes back.
 */
public class OpenApiFilter implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI document) {
        try {
            document.getClass().getMethod("setEndpoints", Map.class).invoke(document, new TreeMap<>());
        } catch (ReflectiveOperationException | RuntimeException e) {
            // Not Payara's model: there is nothing to remove.
        }
    }
}
