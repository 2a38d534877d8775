/**
 * The JMS foundation: the embedded Artemis broker, and a round-trip probe through the resource adapter
 * ({@code jms/drive} out, an MDB in) that tells readiness whether messaging works end to end.
 */
package drive.messaging.control;
