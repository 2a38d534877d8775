package drive.platform;

import java.io.File;
import org.jboss.shrinkwrap.api.Filters;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.jboss.shrinkwrap.resolver.api.maven.Maven;

/**
 * The one WAR the in-container tests deploy, shaped like drive.war: drive-ejb's classes, and its
 * runtime libraries (drive-persistence with persistence.xml and migrations, Artemis, Flyway) in WEB-INF/lib.
 * Needs the Micro started with the post-boot file drive-ejb/pom.xml renders (jdbc/drive, artemis-ra, jms/drive).
 */
public final class Deployments {

    private static final File BEANS_XML = new File("src/main/resources/META-INF/beans.xml");

    private Deployments() {}

    public static WebArchive drive() {
        WebArchive war = ShrinkWrap.create(WebArchive.class, "drive-it.war")
                // entities come inside the drive-persistence jar; unit tests stay out
                .addPackages(true, Filters.exclude(".*/entity/.*|.*Test\\.class"), "drive")
                .addAsLibraries(Maven.resolver()
                        .loadPomFromFile("pom.xml")
                        .importCompileAndRuntimeDependencies()
                        .resolve()
                        .withTransitivity()
                        .asFile())
                .addAsLibraries(Maven.resolver()
                        .loadPomFromFile("pom.xml")
                        .resolve("org.assertj:assertj-core")
                        .withoutTransitivity()
                        .asFile());
        if (BEANS_XML.exists()) {
            war.addAsWebInfResource(BEANS_XML, "beans.xml");
        }
        return war;
    }
}
