package drive.files.entity;

import drive.users.entity.User;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A tree of files with one owner: a user's root directory, or the root of a shared folder. Paths,
 * dedup and (later) encryption keys are scoped to a namespace.
 */
@Entity
@Table(name = "namespace")
@NamedQuery(
        name = Namespace.ROOT_OF,
        query = "SELECT n FROM Namespace n WHERE n.owner = :owner AND n.kind = drive.files.entity.Namespace.Kind.ROOT")
public class Namespace {

    public static final String ROOT_OF = "Namespace.rootOf";

    /** What a namespace is the root of. */
    public enum Kind {
        ROOT,
        SHARED
    }

    @Id
    @SequenceGenerator(name = "namespace_seq", sequenceName = "namespace_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "namespace_seq")
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "owner_id")
    private User owner;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private Kind kind;

    @Column(nullable = false)
    private String name;

    @Column(nullable = false, updatable = false)
    private Instant created;

    protected Namespace() {}

    public Namespace(User owner, Kind kind, String name) {
        this.owner = owner;
        this.kind = kind;
        this.name = name;
        this.created = Instant.now();
    }

    public Long getId() {
        return id;
    }

    public User getOwner() {
        return owner;
    }

    public Kind getKind() {
        return kind;
    }

    public String getName() {
        return name;
    }
}
