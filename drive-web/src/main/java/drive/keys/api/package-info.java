/** Key administration over HTTP: master-key rotation for administrators. */
package drive.keys.api;
