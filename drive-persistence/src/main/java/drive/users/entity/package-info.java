/** Users: who may sign in, with what credentials, and how much they may store. */
package drive.users.entity;
