/** Mapping support shared by every entity. */
package drive.platform.entity;
