package drive.sharing.entity;

/** What a share lets its recipient do. */
public enum Role {
    /** List, read, download, follow changes. */
    VIEWER,
    /** Also upload, commit, restore, create, move, copy and delete inside the shared item. */
    EDITOR;

    public String label() {
        return name().toLowerCase();
    }
}
