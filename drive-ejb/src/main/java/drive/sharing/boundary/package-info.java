/** Sharing with users: grant, list, change, revoke, leave, add to one's drive. */
package drive.sharing.boundary;
