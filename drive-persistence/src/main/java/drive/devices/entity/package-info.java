/** Devices: the clients of a user, each with its own token. */
package drive.devices.entity;
