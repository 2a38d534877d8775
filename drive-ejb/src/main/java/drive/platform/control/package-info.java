/** What every component relies on: schema migration at start-up and the domain exception. */
package drive.platform.control;
