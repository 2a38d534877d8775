package drive.platform.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The HTTP API lives under /api; the browser UI (static files) under /. */
@ApplicationPath("api")
public class DriveApplication extends Application {}
