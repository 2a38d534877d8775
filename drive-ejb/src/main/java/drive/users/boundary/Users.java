package drive.users.boundary;

import drive.files.entity.Namespace;
import drive.platform.control.DriveException;
import drive.sync.entity.ChangeJournal;
import drive.users.control.Passwords;
import drive.users.entity.User;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;
import java.util.regex.Pattern;

/** Creates users (each with a root namespace) and checks their credentials. */
@Stateless
public class Users {

    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    @PersistenceContext
    EntityManager em;

    @Inject
    Passwords passwords;

    public User create(String username, String password, String email, boolean admin) {
        return create(username, password, email, admin, null);
    }

    /** A new user with their root namespace; {@code quotaBytes} null for the default quota. */
    public User create(String username, String password, String email, boolean admin, Long quotaBytes) {
        if (quotaBytes != null && quotaBytes < 0) {
            throw DriveException.invalid("quotaBytes must be 0 or more");
        }
        if (username == null || !USERNAME.matcher(username).matches()) {
            throw DriveException.invalid(
                    "username must be 1-64 letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
        if (password == null || password.length() < Passwords.MIN_LENGTH) {
            throw DriveException.invalid("password must have at least " + Passwords.MIN_LENGTH + " characters");
        }
        if (find(username).isPresent()) {
            throw DriveException.conflict("user '" + username + "' already exists");
        }
        User user = new User(username, passwords.hash(password), admin);
        user.setEmail(email);
        if (quotaBytes != null) {
            user.setQuotaBytes(quotaBytes);
        }
        em.persist(user);
        Namespace root = new Namespace(user, Namespace.Kind.ROOT, username);
        em.persist(root);
        em.flush(); // the journal's row refers to the namespace's
        em.persist(new ChangeJournal(root.getId()));
        return user;
    }

    public Optional<User> find(String username) {
        return em.createNamedQuery(User.BY_USERNAME, User.class)
                .setParameter("username", username)
                .getResultStream()
                .findFirst();
    }

    /** The user if the password is right; empty for an unknown user or a wrong password alike. */
    public Optional<User> verify(String username, String password) {
        return find(username).filter(u -> passwords.matches(password, u.getPasswordHash()));
    }

    public boolean isAdmin(String username) {
        return find(username).map(User::isAdmin).orElse(false);
    }
}
