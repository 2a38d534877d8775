package drive.files.control;

import java.util.List;

/** The deleted entries once directly in a folder, folders first, then by name, most recently deleted first. */
public record DeletedListing(String path, List<DeletedEntry> entries) {}
