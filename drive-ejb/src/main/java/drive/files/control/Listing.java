package drive.files.control;

import java.util.List;

/** The entries of a folder, folders first, then by name. */
public record Listing(String path, List<FileInfo> entries) {}
