/** Files: namespaces, the latest state of each path, and the immutable history of revisions. */
package drive.files.entity;
