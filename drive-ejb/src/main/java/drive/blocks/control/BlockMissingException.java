package drive.blocks.control;

import java.io.IOException;

/** A block the metadata refers to is absent from the store, or its bytes fail verification. */
public class BlockMissingException extends IOException {

    public BlockMissingException(String message) {
        super(message);
    }
}
