/** Users facade: creating users and checking credentials. */
package drive.users.boundary;
