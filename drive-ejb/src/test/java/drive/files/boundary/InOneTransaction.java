package drive.files.boundary;

import jakarta.ejb.Stateless;

/**
 * Test-only EJB for ContainerIT: runs several facade calls in one transaction, e.g. an upload's
 * begin and a move of its file, so that the move certainly happens while the upload is pending.
 */
@Stateless
public class InOneTransaction {

    public void run(Runnable work) {
        work.run();
    }
}
