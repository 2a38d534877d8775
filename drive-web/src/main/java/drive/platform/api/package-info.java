/** The JAX-RS application, the mapping of failures to JSON error answers, and the served OpenAPI document. */
package drive.platform.api;
