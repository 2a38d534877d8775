/** JMH benchmarks of the block pipeline, run by hand (figures in the README), never by the test command. */
package drive.bench;
