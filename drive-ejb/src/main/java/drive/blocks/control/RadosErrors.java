package drive.blocks.control;

import com.ceph.rados.exceptions.RadosException;
import java.util.Set;

/** Which librados error numbers mean "the cluster cannot serve us now" rather than "this request is wrong". */
final class RadosErrors {

    // EPERM, EINTR, ENOENT (pool gone), EAGAIN, EACCES, ENOTCONN, ESHUTDOWN, ETIMEDOUT, ECONNREFUSED,
    // EHOSTUNREACH, ENOSPC/EDQUOT (a full cluster refuses writes until an operator acts)
    private static final Set<Integer> UNAVAILABLE = Set.of(1, 4, 2, 11, 13, 107, 108, 110, 111, 113, 28, 122);

    private RadosErrors() {}

    static boolean meansUnavailable(RadosException e) {
        return UNAVAILABLE.contains(Math.abs(e.getReturnValue()));
    }
}
