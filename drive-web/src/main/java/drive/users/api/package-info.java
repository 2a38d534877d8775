/** HTTP resources for user accounts. */
package drive.users.api;
