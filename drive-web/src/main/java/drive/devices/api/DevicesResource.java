package drive.devices.api;

import drive.devices.boundary.Devices;
import drive.devices.entity.Device;
import drive.platform.control.DriveException;
import drive.security.CallerResolver;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.util.List;

/** A user's devices: register one to get its bearer token, list them, revoke a lost one. */
@Path("devices")
@Produces(MediaType.APPLICATION_JSON)
public class DevicesResource {

    @EJB
    Devices devices;

    @Inject
    CallerResolver callers;

    /** Registration data. */
    public record NewDevice(String name, String kind) {}

    /** A device as listed (the token is shown only once, at registration). */
    public record DeviceView(long id, String name, String kind, Instant created, Instant lastSeen, String token) {
        static DeviceView of(Device d, String token) {
            return new DeviceView(d.getId(), d.getName(), d.getKind(), d.getCreated(), d.getLastSeen(), token);
        }
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response register(NewDevice device) {
        if (device == null) {
            throw DriveException.invalid("a JSON body {name, kind} is required");
        }
        Devices.Registration r = devices.register(callers.caller().username(), device.name(), device.kind());
        return Response.created(URI.create("/api/devices/" + r.device().getId()))
                .entity(DeviceView.of(r.device(), r.token()))
                .build();
    }

    @GET
    public List<DeviceView> list() {
        return devices.list(callers.caller().username()).stream()
                .map(d -> DeviceView.of(d, null))
                .toList();
    }

    @DELETE
    @Path("{id}")
    public Response revoke(@PathParam("id") String id) {
        long deviceId;
        try {
            deviceId = Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw DriveException.notFound("no such device");
        }
        devices.revoke(callers.caller().username(), deviceId);
        return Response.noContent().build();
    }
}
