/** Password hashing, the caller identity passed to facades, and the first administrator. */
package drive.users.control;
