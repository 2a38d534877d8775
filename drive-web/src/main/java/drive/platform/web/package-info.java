/** Servlet-level concerns of the web module: security headers for every response. */
package drive.platform.web;
