/** Encryption keys kept in the metadata database: per-namespace data keys, wrapped by a master key. */
package drive.keys.entity;
