/** The JAX-RS application and the mapping of failures to JSON error answers. */
package drive.platform.api;
