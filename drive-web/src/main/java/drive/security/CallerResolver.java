package drive.security;

import drive.platform.control.DriveException;
import drive.users.control.Caller;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;

/** Turns the authenticated request into the {@link Caller} that facades expect. */
@RequestScoped
public class CallerResolver {

    @Inject
    HttpServletRequest request;

    public Caller caller() {
        Principal principal = request.getUserPrincipal();
        if (principal == null) {
            throw new DriveException(DriveException.Kind.UNAUTHORIZED, "authentication required");
        }
        return new Caller(principal.getName(), (Long) request.getAttribute(DriveAuthentication.DEVICE_ATTRIBUTE));
    }
}
