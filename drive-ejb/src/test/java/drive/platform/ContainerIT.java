package drive.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import drive.blocks.boundary.BlockJobSweep;
import drive.blocks.boundary.BlockJobs;
import drive.blocks.boundary.LostJobMessages;
import drive.blocks.boundary.UploadEvents;
import drive.blocks.control.BlockReader;
import drive.blocks.control.BlockStore;
import drive.blocks.control.ContentDefinedChunker;
import drive.blocks.control.JobStaging;
import drive.files.boundary.BlockAudit;
import drive.files.boundary.FileTree;
import drive.files.boundary.Files;
import drive.files.boundary.InOneTransaction;
import drive.files.boundary.VersionTampering;
import drive.files.control.Download;
import drive.files.control.DrivePath;
import drive.files.control.FileInfo;
import drive.files.control.RevisionInfo;
import drive.files.entity.OnConflict;
import drive.keys.boundary.Keys;
import drive.keys.control.DataKeyCache;
import drive.messaging.control.BrokerProbe;
import drive.messaging.control.EmbeddedBroker;
import drive.platform.control.DriveException;
import drive.sync.boundary.Changes;
import drive.sync.control.ChangeNotifier;
import drive.sync.control.ChangePage;
import drive.sync.control.ChangeView;
import drive.sync.control.Cursor;
import drive.sync.control.CursorResetException;
import drive.sync.control.LongPolls;
import drive.users.boundary.Users;
import drive.users.control.Caller;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.LongStream;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * In-container wiring checks on one Payara Micro boot (~30 s): add further in-container test methods
 * here rather than new classes, each of which boots its own Micro. Store-neutral: the build runs them
 * on the filesystem block store, server-config/bin/test again on Ceph RADOS ({@code drive.test.blockstore},
 * see arquillian.xml), so block objects are only ever read through {@link BlockStore}.
 */
@ExtendWith(ArquillianExtension.class)
class ContainerIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.drive();
    }

    @Inject
    BrokerProbe brokerProbe;

    @Inject
    EmbeddedBroker broker;

    @Inject
    @ConfigProperty(name = "drive.home")
    String home;

    @Inject
    BlockStore store;

    @Test
    void messageSentThroughJmsDriveReachesTheConsumer() throws InterruptedException {
        // the MDB may still be reconnecting to the broker that started after it was activated
        boolean delivered = false;
        for (int attempt = 0; attempt < 10 && !delivered; attempt++) {
            delivered = brokerProbe.roundTrip(Duration.ofSeconds(3));
        }
        assertThat(delivered).isTrue();
    }

    @Test
    void brokerKeepsItsJournalUnderDriveHome() {
        Path artemis = Path.of(home).toAbsolutePath().normalize().resolve("artemis");
        assertThat(broker.isRunning()).isTrue();
        assertThat(broker.dataDirectory()).isEqualTo(artemis);
        assertThat(artemis.resolve("journal")).isDirectory();
        assertThat(artemis.resolve("bindings")).isDirectory();
        assertThat(java.nio.file.Files.exists(artemis.resolve("server.lock"))).isTrue();
    }

    @EJB
    Files files;

    @EJB
    Users users;

    @EJB
    VersionTampering tampering;

    @Test
    void startupMigratedTheSchemaAndCreatedTheAdministrator() {
        assertThat(users.find("admin")).get().satisfies(u -> assertThat(u.isAdmin())
                .isTrue());
    }

    @Test
    void uploadStoresEachDistinctBlockOnceAndReuploadStoresNothing() throws IOException, NoSuchAlgorithmException {
        // the same 5 MiB twice: content-defined cuts fall at the same places in both copies once the
        // chunker has resynchronised, so the second copy repeats blocks of the first
        byte[] half = new byte[5 * 1024 * 1024];
        new Random(7).nextBytes(half);
        byte[] data = new byte[2 * half.length + 1000];
        System.arraycopy(half, 0, data, 0, half.length);
        System.arraycopy(half, 0, data, half.length, half.length);
        List<String> blocks = blockHashes(data);
        long distinct = blocks.stream().distinct().count();
        assertThat(distinct).as("blocks %s", blocks).isLessThan(blocks.size());
        Caller admin = Caller.user("admin");

        files.upload(admin, "/it/dedup.bin", new ByteArrayInputStream(data), data.length);
        List<String> keys = audit.storageKeys("/it/dedup.bin", 1);
        List<byte[]> objects = objects(keys);
        files.upload(admin, "/it/dedup.bin", new ByteArrayInputStream(data), data.length);

        assertThat(tampering.blockRows("/it/dedup.bin")).isEqualTo(distinct);
        assertThat(keys).as("one object per distinct block").hasSize((int) distinct);
        assertThat(audit.storageKeys("/it/dedup.bin", 2)).containsExactlyInAnyOrderElementsOf(keys);
        // nor written again: a rewrite would carry a fresh random GCM nonce, so its bytes would differ
        assertThat(objects(keys)).as("objects after the re-upload").containsExactlyElementsOf(objects);
        List<RevisionInfo> revisions = files.revisions(admin, "/it/dedup.bin", 10);
        assertThat(revisions).extracting(RevisionInfo::revision).containsExactly(2L, 1L);
        assertThat(revisions).allSatisfy(r -> assertThat(r.size()).isEqualTo(data.length));
    }

    @Test
    void writtenRevisionCannotBeChangedOrDeletedThroughJpa() {
        byte[] data = "first words".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        files.upload(Caller.user("admin"), "/it/history.txt", new ByteArrayInputStream(data), data.length);
        long id = tampering.versionId("/it/history.txt", 1);

        try {
            tampering.overwriteSize(id, 999_999);
        } catch (Exception refused) {
            // refusing loudly (the @PreUpdate guard) is as good as ignoring the change: what counts is the row
        }
        assertThat(tampering.storedSize(id)).isEqualTo(data.length);
        assertThatThrownBy(() -> tampering.remove(id)).hasStackTraceContaining("immutable history");
        assertThat(tampering.storedSize(id)).isEqualTo(data.length);
    }

    @EJB
    BlockAudit audit;

    @EJB
    Keys keys;

    @Inject
    DataKeyCache keyCache;

    @Inject
    BlockReader reader;

    @Test
    void storedBlockObjectsHoldNeitherPlaintextNorItsHashAndDownloadByteIdentical() throws Exception {
        byte[] data = textWithMarker(9 * 1024 * 1024 + 123);
        Caller admin = Caller.user("admin");
        files.upload(admin, "/it/secret.txt", new ByteArrayInputStream(data), data.length);

        List<String> keys = audit.storageKeys("/it/secret.txt", 1);
        assertThat(keys).isNotEmpty();
        byte[] marker = "TOP-SECRET-MARKER".getBytes(StandardCharsets.US_ASCII);
        String wholeHash = sha256Hex(data);
        for (String key : keys) {
            byte[] object = store.get(key);
            assertThat(indexOf(object, marker)).as(key).isEqualTo(-1);
            assertThat(indexOf(object, Arrays.copyOf(data, 64))).as(key).isEqualTo(-1);
            assertThat(new String(object, StandardCharsets.ISO_8859_1)).doesNotContain(wholeHash);
            assertThat(object.length).as("text is compressed").isLessThan(4 * 1024 * 1024);
        }
        List<String> blockHashes = audit.sha256s("/it/secret.txt", 1);
        assertThat(blockHashes).hasSameSizeAs(keys);
        for (String key : keys) {
            byte[] object = store.get(key);
            for (String hash : blockHashes) {
                assertThat(key).doesNotContain(hash);
                assertThat(indexOf(object, hash.getBytes(StandardCharsets.US_ASCII)))
                        .isEqualTo(-1);
                assertThat(indexOf(object, HexFormat.of().parseHex(hash))).isEqualTo(-1);
            }
        }
        assertThat(download(admin, "/it/secret.txt")).isEqualTo(data);
    }

    @Test
    void refCountsEqualTheVersionBlockRowsAfterRevisionsSharingBlocks() throws Exception {
        byte[] first = new byte[9 * 1024 * 1024];
        new Random(11).nextBytes(first);
        byte[] second = Arrays.copyOf(first, first.length + 5000);
        new Random(12).nextBytes(second); // overwritten below except for the shared prefix
        System.arraycopy(first, 0, second, 0, first.length);
        Caller admin = Caller.user("admin");

        files.upload(admin, "/it/shared.bin", new ByteArrayInputStream(first), first.length);
        files.upload(admin, "/it/shared.bin", new ByteArrayInputStream(second), second.length);
        files.upload(admin, "/it/copy.bin", new ByteArrayInputStream(first), first.length);

        assertThat(audit.refCountMismatches()).isZero();
        assertThat(audit.refCounts("/it/copy.bin")).as("shared by 3 revisions").contains(3L);
        assertThat(download(admin, "/it/shared.bin")).isEqualTo(second);
    }

    @Test
    void masterKeyRotationRewrapsDataKeysAndEarlierBlocksStillDecode() throws Exception {
        byte[] data = textWithMarker(2 * 1024 * 1024);
        Caller admin = Caller.user("admin");
        files.upload(admin, "/it/before-rotation.txt", new ByteArrayInputStream(data), data.length);
        List<String> keysBefore = audit.storageKeys("/it/before-rotation.txt", 1);

        Keys.Rotation rotation = keys.rotate();
        keyCache.clear(); // force an unwrap with the new master key

        assertThat(rotation.rewrapped()).isPositive();
        assertThat(audit.masterAliases()).containsExactly(rotation.masterAlias());
        assertThat(download(admin, "/it/before-rotation.txt")).isEqualTo(data);
        files.upload(admin, "/it/before-rotation.txt", new ByteArrayInputStream(data), data.length);
        assertThat(audit.storageKeys("/it/before-rotation.txt", 2))
                .as("same names: dedup across rotation")
                .containsExactlyInAnyOrderElementsOf(keysBefore);
    }

    private byte[] download(Caller caller, String path) throws IOException {
        Download d = files.download(caller, path, null);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        reader.write(d.namespaceId(), d.blocks(), 0, d.size() - 1, out);
        return out.toByteArray();
    }

    private static byte[] textWithMarker(int length) {
        StringBuilder s = new StringBuilder("TOP-SECRET-MARKER ");
        Random random = new Random(length);
        while (s.length() < length) {
            s.append("line ").append(random.nextInt(1000)).append(" of a quite ordinary document\n");
        }
        return Arrays.copyOf(s.toString().getBytes(StandardCharsets.US_ASCII), length);
    }

    private static String sha256Hex(byte[] data) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static List<String> blockHashes(byte[] data) throws IOException, NoSuchAlgorithmException {
        ContentDefinedChunker chunker = new ContentDefinedChunker(new ByteArrayInputStream(data));
        byte[] buffer = new byte[ContentDefinedChunker.MAX_SIZE];
        List<String> hashes = new ArrayList<>();
        int n;
        while ((n = chunker.next(buffer)) > 0) {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(buffer, 0, n);
            hashes.add(HexFormat.of().formatHex(sha.digest()));
        }
        return hashes;
    }

    private List<byte[]> objects(List<String> keys) throws IOException {
        List<byte[]> objects = new ArrayList<>();
        for (String key : keys) {
            objects.add(store.get(key));
        }
        return objects;
    }

    @EJB
    BlockJobs jobs;

    @Inject
    JobStaging staging;

    @Inject
    UploadEvents events;

    @Test
    void uploadIsProcessedByTheBlockServerAndAnnouncedWhenStored() throws InterruptedException {
        byte[] data = "processed by a block job".getBytes(StandardCharsets.UTF_8);
        FileInfo info = files.upload(Caller.user("admin"), "/it/job.txt", new ByteArrayInputStream(data), data.length);

        assertThat(info.status()).isEqualTo("uploaded");
        // observers run on the consumer's thread right after its commit, which the upload may see first
        eventually("UploadCompleted announced", () -> events.completed().stream()
                .anyMatch(e -> e.path().equals("/it/job.txt") && e.revision() == info.revision()));
        eventually("staging files of stored uploads removed", () -> staging.ids().stream()
                .noneMatch(this::uploaded));
    }

    private static void eventually(String what, java.util.function.BooleanSupplier condition)
            throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as(what + " within 10 s").isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    private boolean uploaded(String jobId) {
        return jobs.find(jobId)
                .map(j -> j.getStatus() == drive.files.entity.UploadJob.Status.UPLOADED)
                .orElse(false);
    }

    @Test
    void poisonJobIsRetriedThenDeadLetteredAndTheUploadShownFailedWithItsReason() throws Exception {
        byte[] data = "bytes that are changed on disk after staging".getBytes(StandardCharsets.UTF_8);
        JobStaging.Staged real = staging.stage(new ByteArrayInputStream(data), 1024);
        data[7] ^= 1; // one bit flipped in the staged file, same length: only the checksum can tell
        java.nio.file.Files.write(Path.of(home, "staging", "jobs", real.id()), data);

        jobs.begin(Caller.user("admin"), DrivePath.parse("/it/poison.txt"), real, null, OnConflict.FAIL);
        assertThat(files.info(Caller.user("admin"), "/it/poison.txt").status()).isEqualTo("pending");

        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (!files.info(Caller.user("admin"), "/it/poison.txt").status().equals("failed")) {
            assertThat(System.nanoTime())
                    .as("the poison job ends failed within 120 s")
                    .isLessThan(deadline);
            Thread.sleep(250);
        }
        var job = jobs.find(real.id()).orElseThrow();
        assertThat(job.getAttempts()).as("every delivery was tried").isGreaterThanOrEqualTo(2);
        assertThat(job.getLastError()).contains("no longer matches");
        eventually("UploadFailed announced", () -> events.failed().stream()
                .anyMatch(e -> e.path().equals("/it/poison.txt")));
        assertThatThrownBy(() -> files.download(Caller.user("admin"), "/it/poison.txt", null))
                .isInstanceOf(DriveException.class)
                .hasMessageContaining("failed");
    }

    @EJB
    LostJobMessages lostJobMessages;

    @EJB
    BlockJobSweep sweep;

    @Test
    void pendingJobWhoseMessageWasLostIsQueuedAgainByTheStartupSweepAndCompletes() throws Exception {
        byte[] data = "staged, recorded, but its message never reached the queue".getBytes(StandardCharsets.UTF_8);
        JobStaging.Staged staged = staging.stage(new ByteArrayInputStream(data), 1024);
        Caller admin = Caller.user("admin");
        lostJobMessages.recordWithoutMessage(admin, DrivePath.parse("/it/lost-message.txt"), staged);
        Thread.sleep(1000);
        assertThat(files.info(admin, "/it/lost-message.txt").status())
                .as("nothing processes a job without a message")
                .isEqualTo("pending");

        assertThat(sweep.requeuePending(0)).isPositive();

        eventually("the upload completed", () -> uploaded(staged.id()));
        assertThat(download(admin, "/it/lost-message.txt")).isEqualTo(data);
        eventually("its staging file removed", () -> !staging.ids().contains(staged.id()));
        assertThat(sweep.requeuePending(0)).as("nothing pending any more here").isZero();
    }

    @EJB
    FileTree tree;

    @EJB
    InOneTransaction inOneTransaction;

    @Test
    void copySharesTheSourcesBlocksAndStoresNothingWhileDeleteKeepsThemReferenced() throws Exception {
        byte[] data = new byte[9 * 1024 * 1024 + 77];
        new Random(21).nextBytes(data);
        Caller admin = Caller.user("admin");
        files.upload(admin, "/it/tree/source.bin", new ByteArrayInputStream(data), data.length);
        long rowsBefore = audit.blockRows();
        List<String> sourceKeys = audit.storageKeys("/it/tree/source.bin", 1);
        List<byte[]> objectsBefore = objects(sourceKeys);

        FileInfo copy = tree.copy(admin, "/it/tree/source.bin", "/it/tree/copies/copy.bin");

        assertThat(copy.revision()).isEqualTo(1);
        assertThat(audit.blockRows()).as("no block row added").isEqualTo(rowsBefore);
        // nor any object rewritten: a rewrite would carry a fresh random GCM nonce
        assertThat(objects(sourceKeys)).as("no block object written").containsExactlyElementsOf(objectsBefore);
        assertThat(audit.storageKeys("/it/tree/copies/copy.bin", 1))
                .containsExactlyInAnyOrderElementsOf(audit.storageKeys("/it/tree/source.bin", 1));
        assertThat(audit.refCounts("/it/tree/copies/copy.bin")).isNotEmpty().containsOnly(2L);
        assertThat(audit.refCountMismatches()).isZero();
        assertThat(download(admin, "/it/tree/copies/copy.bin")).isEqualTo(data);

        tree.delete(admin, "/it/tree");
        assertThat(audit.refCounts("/it/tree/copies/copy.bin"))
                .as("deleted: still referenced")
                .containsOnly(2L);
        assertThatThrownBy(() -> files.info(admin, "/it/tree/source.bin"))
                .isInstanceOfSatisfying(
                        DriveException.class, e -> assertThat(e.kind()).isEqualTo(DriveException.Kind.NOT_FOUND));
        tree.undelete(admin, "/it/tree");
        assertThat(download(admin, "/it/tree/source.bin")).isEqualTo(data);
        assertThat(audit.refCountMismatches()).isZero();
    }

    @Test
    void uploadPendingWhileItsFileIsMovedCompletesOntoTheMovedFile() throws Exception {
        byte[] data = "written while the file moved".getBytes(StandardCharsets.UTF_8);
        JobStaging.Staged staged = staging.stage(new ByteArrayInputStream(data), 1024);
        Caller admin = Caller.user("admin");

        // one transaction: the job's message is delivered only after the move committed with it
        inOneTransaction.run(() -> {
            jobs.begin(admin, DrivePath.parse("/it/moving/draft.txt"), staged, null, OnConflict.FAIL);
            tree.move(admin, "/it/moving", "/it/moved");
        });

        eventually("the upload completed", () -> jobs.find(staged.id())
                .map(j -> j.getStatus() == drive.files.entity.UploadJob.Status.UPLOADED)
                .orElse(false));
        FileInfo moved = files.info(admin, "/it/moved/draft.txt");
        assertThat(moved.revision()).isEqualTo(1);
        assertThat(moved.status()).isEqualTo("uploaded");
        assertThat(download(admin, "/it/moved/draft.txt")).isEqualTo(data);
        assertThatThrownBy(() -> files.info(admin, "/it/moving/draft.txt")).isInstanceOf(DriveException.class);
        eventually("UploadCompleted names where the file is now", () -> events.completed().stream()
                .anyMatch(e -> staged.id().equals(e.jobId()) && e.path().equals("/it/moved/draft.txt")));
    }

    @Test
    void fileWithoutContentYetCannotBeCopied() throws Exception {
        byte[] data = "not stored yet".getBytes(StandardCharsets.UTF_8);
        JobStaging.Staged staged = staging.stage(new ByteArrayInputStream(data), 1024);
        Caller admin = Caller.user("admin");

        assertThatThrownBy(() -> inOneTransaction.run(() -> {
                    jobs.begin(admin, DrivePath.parse("/it/unfinished.txt"), staged, null, OnConflict.FAIL);
                    tree.copy(admin, "/it/unfinished.txt", "/it/unfinished-copy.txt");
                }))
                .isInstanceOfSatisfying(
                        DriveException.class, e -> assertThat(e.kind()).isEqualTo(DriveException.Kind.CONFLICT))
                .hasMessageContaining("no content yet");
        staging.delete(staged.id());
    }

    @Test
    void copyOverTheQuotaIsRefusedAndDeletedFilesStillCount() {
        String name = "quota-" + System.nanoTime();
        users.create(name, "a-password-1", null, false);
        Caller user = Caller.user(name);
        byte[] data = new byte[600];
        files.upload(user, "/a.bin", new ByteArrayInputStream(data), data.length);
        inOneTransaction.run(() -> users.find(name).orElseThrow().setQuotaBytes(1000));

        assertThatThrownBy(() -> tree.copy(user, "/a.bin", "/b.bin"))
                .isInstanceOfSatisfying(
                        DriveException.class, e -> assertThat(e.kind()).isEqualTo(DriveException.Kind.QUOTA));
        tree.delete(user, "/a.bin");
        assertThatThrownBy(() -> files.upload(user, "/c.bin", new ByteArrayInputStream(data), data.length))
                .as("a deleted file counts until it is purged")
                .isInstanceOfSatisfying(
                        DriveException.class, e -> assertThat(e.kind()).isEqualTo(DriveException.Kind.QUOTA));
    }

    @EJB
    Changes changes;

    @Inject
    LongPolls polls;

    @Inject
    ChangeNotifier notifier;

    @Test
    void concurrentWritersGetGapFreeSequenceNumbersInCommitOrder() throws Exception {
        String name = "journal-" + System.nanoTime();
        users.create(name, "a-password-1", null, false);
        Caller user = Caller.user(name);
        String start = changes.latestCursor(user);
        int writers = 4;
        int each = 10;
        ExecutorService pool = Executors.newFixedThreadPool(writers + 1);
        AtomicBoolean writing = new AtomicBoolean(true);
        List<String> violations = new CopyOnWriteArrayList<>();
        Future<Integer> reads = pool.submit(() -> {
            long seen = 0;
            int count = 0;
            while (writing.get()) {
                List<Long> seqs = changes.list(user, start, Changes.MAX_LIMIT).entries().stream()
                        .map(ChangeView::seq)
                        .toList();
                if (!seqs.equals(LongStream.rangeClosed(1, seqs.size()).boxed().toList()) || seqs.size() < seen) {
                    violations.add("read " + seqs + " after having seen up to " + seen);
                }
                seen = Math.max(seen, seqs.size());
                count++;
            }
            return count;
        });
        List<Future<?>> writes = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            int writer = w;
            writes.add(pool.submit(() -> {
                for (int i = 0; i < each; i++) {
                    tree.createFolder(user, "/w" + writer + "-" + i);
                }
            }));
        }
        for (Future<?> write : writes) {
            write.get(2, TimeUnit.MINUTES);
        }
        writing.set(false);
        assertThat(reads.get(1, TimeUnit.MINUTES)).isPositive();
        pool.shutdown();

        ChangePage all = changes.list(user, start, Changes.MAX_LIMIT);
        assertThat(violations).isEmpty();
        assertThat(all.entries())
                .extracting(ChangeView::seq)
                .containsExactlyElementsOf(
                        LongStream.rangeClosed(1, writers * each).boxed().toList());
        assertThat(all.entries()).extracting(ChangeView::kind).containsOnly("folder_created");
        assertThat(all.entries()).extracting(ChangeView::user).containsOnly(name);
        assertThat(all.hasMore()).isFalse();
        assertThat(all.cursor()).isEqualTo(changes.latestCursor(user));
    }

    @Test
    void cursorIntoPrunedHistoryAsksForAReset() {
        String name = "pruned-" + System.nanoTime();
        users.create(name, "a-password-1", null, false);
        Caller user = Caller.user(name);
        String old = changes.latestCursor(user);
        tree.createFolder(user, "/gone");
        String recent = changes.latestCursor(user);
        long namespace = Cursor.decode(recent).positions().keySet().iterator().next();

        assertThat(changes.prune(namespace, Instant.now().plusSeconds(1))).isEqualTo(1);

        assertThatThrownBy(() -> changes.list(user, old, 10)).isInstanceOf(CursorResetException.class);
        assertThat(changes.list(user, recent, 10).entries()).isEmpty();
        tree.createFolder(user, "/kept");
        assertThat(changes.list(user, recent, 10).entries())
                .extracting(ChangeView::path)
                .containsExactly("/kept");
    }

    @Test
    void commitWakesTheWaitingPollAndTheTopicReachesThisInstance() throws InterruptedException {
        String name = "poll-" + System.nanoTime();
        users.create(name, "a-password-1", null, false);
        Caller user = Caller.user(name);
        Cursor cursor = changes.checked(user, changes.latestCursor(user));
        CountDownLatch woken = new CountDownLatch(1);
        polls.register(cursor, woken::countDown);

        tree.createFolder(user, "/news");

        assertThat(woken.await(10, TimeUnit.SECONDS))
                .as("woken after the commit")
                .isTrue();
        long elsewhere = -System.nanoTime(); // a namespace no commit here touches: only the topic can wake it
        CountDownLatch viaTopic = new CountDownLatch(1);
        polls.register(Cursor.of(Math.abs(elsewhere), 0), viaTopic::countDown);
        boolean delivered = false;
        for (int attempt = 0; attempt < 10 && !delivered; attempt++) { // the subscription may still be connecting
            notifier.publish(Math.abs(elsewhere), 1);
            delivered = viaTopic.await(2, TimeUnit.SECONDS);
        }
        assertThat(delivered).as("woken through the drive.changes topic").isTrue();
    }
}
