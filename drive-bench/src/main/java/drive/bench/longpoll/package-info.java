/**
 * The long-poll load tool ({@code drive-bench/bin/longpoll-bench}): capacity, commit → answer latency
 * and a reconnect storm against a running Drive, through its public HTTP API only.
 */
package drive.bench.longpoll;
