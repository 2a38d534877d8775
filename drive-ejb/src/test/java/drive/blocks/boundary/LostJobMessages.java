package drive.blocks.boundary;

import drive.blocks.control.JobStaging;
import drive.files.control.DrivePath;
import drive.files.control.FileMetadata;
import drive.files.entity.FileEntry;
import drive.files.entity.OnConflict;
import drive.users.control.Caller;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** Test-only, for ContainerIT: a pending upload job whose message the broker lost. */
@Stateless
public class LostJobMessages {

    @PersistenceContext
    EntityManager em;

    @Inject
    FileMetadata metadata;

    /** Records the job as {@link BlockJobs#begin} does, but queues no message. */
    public void recordWithoutMessage(Caller caller, DrivePath path, JobStaging.Staged staged) {
        FileEntry file = metadata.destination(caller, path, null).file();
        BlockJobs.record(em, metadata, caller, file, staged, null, OnConflict.FAIL);
    }
}
