package drive.blocks.control;

import com.ceph.rados.Rados;
import com.ceph.rados.exceptions.RadosException;
import java.io.File;
import java.util.Optional;

/**
 * Where the Ceph cluster is and who Drive is to it ({@code drive.rados.*}), plus the client timeouts:
 * librados' defaults wait forever for an OSD and 300 s for a monitor, which would hang uploads
 * instead of answering 503.
 */
public record RadosSettings(String conf, Optional<String> keyring, String client, String pool, String coldPool) {

    static final String MOUNT_TIMEOUT_SECONDS = "10";
    static final String OP_TIMEOUT_SECONDS = "30";

    void configure(Rados rados) throws RadosException {
        rados.confReadFile(new File(conf));
        if (keyring.isPresent()) {
            rados.confSet("keyring", keyring.get());
        }
        rados.confSet("client_mount_timeout", MOUNT_TIMEOUT_SECONDS);
        rados.confSet("rados_osd_op_timeout", OP_TIMEOUT_SECONDS);
        rados.confSet("rados_mon_op_timeout", OP_TIMEOUT_SECONDS);
    }
}
