/**
 * The metadata cache's staleness test (issue 7): {@link drive.bench.staleness.HistoryRecorder} runs
 * writers and readers against several Drive instances and records every operation with the times it
 * was invoked and completed; {@link drive.bench.staleness.StalenessChecker} flags any read that
 * returned a value older than one whose write had completed before the read began.
 */
package drive.bench.staleness;
