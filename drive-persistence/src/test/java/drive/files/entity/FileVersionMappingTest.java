package drive.files.entity;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** History is immutable: the mapping of a version must offer no way to change a written row. */
class FileVersionMappingTest {

    @Test
    void versionHasNoSetters() {
        assertThat(Arrays.stream(FileVersion.class.getDeclaredMethods())
                        .filter(m -> Modifier.isPublic(m.getModifiers()))
                        .map(Method::getName))
                .noneMatch(name -> name.startsWith("set"));
    }

    @Test
    void everyMappedColumnOfVersionAndBlockListIsNotUpdatable() {
        for (Class<?> type : new Class<?>[] {FileVersion.class, VersionBlock.class}) {
            for (Field field : type.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers())
                        || field.isAnnotationPresent(Id.class)
                                && !field.isAnnotationPresent(Column.class)
                                && !field.isAnnotationPresent(JoinColumn.class)) {
                    continue;
                }
                Column column = field.getAnnotation(Column.class);
                JoinColumn join = field.getAnnotation(JoinColumn.class);
                if (column != null) {
                    assertThat(column.updatable())
                            .as(type.getSimpleName() + "." + field.getName())
                            .isFalse();
                } else if (join != null) {
                    assertThat(join.updatable())
                            .as(type.getSimpleName() + "." + field.getName())
                            .isFalse();
                }
            }
        }
    }

    @Test
    void lifecycleCallbackRefusesUpdates() {
        FileVersion version = new FileVersion(FileEntry.file(null, "/a", "/", "a"), 1, "00", null, null);
        org.assertj.core.api.Assertions.assertThatThrownBy(version::refuseChange)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("immutable");
    }
}
