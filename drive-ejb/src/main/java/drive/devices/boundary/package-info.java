/** Devices facade: registration, bearer-token authentication, revocation. */
package drive.devices.boundary;
