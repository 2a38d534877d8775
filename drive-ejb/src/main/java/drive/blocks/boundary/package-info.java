/** The block server's boundary: upload jobs, their JMS consumers and their start-up sweep. */
package drive.blocks.boundary;
