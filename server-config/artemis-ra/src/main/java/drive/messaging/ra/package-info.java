/**
 * Glue that lets the Artemis resource adapter see Payara's transaction manager; lives inside the RAR.
 */
package drive.messaging.ra;
