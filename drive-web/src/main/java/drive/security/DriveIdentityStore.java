package drive.security;

import drive.users.boundary.Users;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.util.Set;

/**
 * Checks usernames and passwords against Drive's own user table (PBKDF2 hashes). Being a Jakarta
 * Security identity store, an admin could add an LDAP store next to it without touching the
 * authentication mechanism.
 */
@ApplicationScoped
public class DriveIdentityStore implements IdentityStore {

    @EJB
    Users users;

    @Override
    public CredentialValidationResult validate(Credential credential) {
        if (!(credential instanceof UsernamePasswordCredential login)) {
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
        return users.verify(login.getCaller(), login.getPasswordAsString())
                .map(u -> new CredentialValidationResult(u.getUsername(), groups(u.isAdmin())))
                .orElse(CredentialValidationResult.INVALID_RESULT);
    }

    static Set<String> groups(boolean admin) {
        return admin ? Set.of("user", "admin") : Set.of("user");
    }
}
