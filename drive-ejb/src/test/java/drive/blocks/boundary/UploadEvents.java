package drive.blocks.boundary;

import drive.files.control.UploadCompleted;
import drive.files.control.UploadFailed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Test-only observer for ContainerIT: records the completion events after their commits. */
@ApplicationScoped
public class UploadEvents {

    private final List<UploadCompleted> completed = new CopyOnWriteArrayList<>();
    private final List<UploadFailed> failed = new CopyOnWriteArrayList<>();

    void onCompleted(@Observes(during = TransactionPhase.AFTER_SUCCESS) UploadCompleted event) {
        completed.add(event);
    }

    void onFailed(@Observes(during = TransactionPhase.AFTER_SUCCESS) UploadFailed event) {
        failed.add(event);
    }

    public List<UploadCompleted> completed() {
        return List.copyOf(completed);
    }

    public List<UploadFailed> failed() {
        return List.copyOf(failed);
    }
}
