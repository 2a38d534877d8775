/** Authentication for every API: Basic, device tokens, browser sessions with CSRF protection. */
package drive.security;
