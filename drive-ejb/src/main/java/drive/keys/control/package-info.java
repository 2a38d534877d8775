/**
 * Envelope encryption: the master key in a PKCS12 keystore, per-namespace data keys wrapped by it,
 * and the keys derived from a data key (block encryption, object naming).
 */
package drive.keys.control;
