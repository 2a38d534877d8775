package drive.keys.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import drive.blocks.control.BlockCodec;
import drive.blocks.control.BlockIngest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import javax.crypto.SecretKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MasterKeyRotationTest {

    @TempDir
    Path dir;

    static final char[] PASSWORD = "correct horse".toCharArray();

    @Test
    void newKeystoreHoldsOneMasterKeyThatSurvivesReopening() {
        Path p12 = dir.resolve("keys/master.p12");
        MasterKey created = MasterKeyFile.create(p12, PASSWORD).current();
        MasterKey reopened = MasterKeyFile.open(p12, PASSWORD).current();
        assertThat(created.alias()).isEqualTo("master-1");
        assertThat(reopened.key().getEncoded()).isEqualTo(created.key().getEncoded());
    }

    @Test
    void wrongPasswordDoesNotOpenTheKeystore() {
        Path p12 = dir.resolve("master.p12");
        MasterKeyFile.create(p12, PASSWORD);
        assertThatThrownBy(() -> MasterKeyFile.open(p12, "guess".toCharArray()))
                .isInstanceOf(KeyUnavailableException.class);
    }

    @Test
    void blocksWrittenBeforeRotationDecodeAfterItWithTheRewrappedDataKey() throws Exception {
        Path p12 = dir.resolve("master.p12");
        MasterKeyFile masters = MasterKeyFile.create(p12, PASSWORD);
        SecretKey dataKey = KeyWrap.newDataKey();
        String wrapped = KeyWrap.wrap(masters.current(), 42, 1, dataKey);
        DataKey before = new DataKey(42, 1, KeyWrap.unwrap(masters.current(), 42, 1, wrapped));
        byte[] plain = "written before the rotation".repeat(1000).getBytes(StandardCharsets.UTF_8);
        String name = BlockIngest.storageKey(before, BlockCodecFixtures.sha256Hex(plain));
        byte[] object = BlockCodec.encode(before, name, plain, plain.length).object();

        MasterKey next = masters.rotate();
        String rewrapped = KeyWrap.wrap(
                next, 42, 1, KeyWrap.unwrap(masters.find("master-1").orElseThrow(), 42, 1, wrapped));
        MasterKeyFile reopened = MasterKeyFile.open(p12, PASSWORD);
        DataKey after = new DataKey(42, 1, KeyWrap.unwrap(reopened.current(), 42, 1, rewrapped));

        assertThat(next.alias()).isEqualTo("master-2");
        assertThat(reopened.current().alias()).isEqualTo("master-2");
        assertThat(rewrapped).isNotEqualTo(wrapped);
        assertThat(BlockIngest.storageKey(after, BlockCodecFixtures.sha256Hex(plain)))
                .isEqualTo(name);
        assertThat(BlockCodec.decode(v -> after, name, object, plain.length)).isEqualTo(plain);
        assertThatThrownBy(() -> KeyWrap.unwrap(reopened.current(), 42, 1, wrapped))
                .as("the old wrapping needs the old master key")
                .isInstanceOf(KeyUnavailableException.class);
        assertThat(reopened.find("master-1")).as("older master keys are kept").isPresent();
    }

    @Test
    void wrappedKeyCopiedToAnotherNamespaceOrVersionDoesNotUnwrap() {
        MasterKey master = MasterKeyFile.create(dir.resolve("m.p12"), PASSWORD).current();
        String wrapped = KeyWrap.wrap(master, 1, 1, KeyWrap.newDataKey());
        assertThatThrownBy(() -> KeyWrap.unwrap(master, 2, 1, wrapped)).isInstanceOf(KeyUnavailableException.class);
        assertThatThrownBy(() -> KeyWrap.unwrap(master, 1, 2, wrapped)).isInstanceOf(KeyUnavailableException.class);
    }
}
