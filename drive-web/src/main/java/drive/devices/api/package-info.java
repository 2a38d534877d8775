/** HTTP resources for devices and their tokens. */
package drive.devices.api;
