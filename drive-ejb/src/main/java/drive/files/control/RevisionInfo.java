package drive.files.control;

import drive.files.entity.FileVersion;
import java.time.Instant;

/** One entry of a file's history as clients see it: who wrote which content when, from where. */
public record RevisionInfo(long revision, long size, String sha256, Instant modified, String user, String device) {

    public static RevisionInfo of(FileVersion v) {
        return new RevisionInfo(
                v.getRevision(),
                v.getSize(),
                v.getSha256(),
                v.getCreated(),
                v.getUser().getUsername(),
                v.getDevice() == null ? null : v.getDevice().getName());
    }
}
