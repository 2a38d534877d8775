/** The key service: a namespace's data keys on demand, and master-key rotation. */
package drive.keys.boundary;
