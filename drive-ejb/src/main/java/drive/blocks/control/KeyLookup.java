package drive.blocks.control;

import drive.keys.control.DataKey;

/** Finds a namespace's data key by version, as named in a block object's header. */
@FunctionalInterface
public interface KeyLookup {

    DataKey version(long namespaceId, int version);
}
