/**
 * A durable, append-only journal of opaque records: the storage under the workflow's embedded
 * store, usable by any owner that keeps its state as a log of changes. Start at {@link
 * org.annotationkit.core.store.journal.Journal}.
 *
 * <h2>Guarantees</h2>
 *
 * <ul>
 *   <li>An acknowledged record (its {@code append} future completed) survives a crash of the
 *       process or of the machine: it is acknowledged only after an {@code fsync} covering it.
 *   <li>A crash can leave at most the records of the last, unacknowledged batch half-written;
 *       opening cuts off that torn tail, logs it (a {@code WARNING} of {@link System.Logger} {@code
 *       org.annotationkit.core.store.journal.Journal} naming the file and offset) and reports it in
 *       {@link org.annotationkit.core.store.journal.Journal#recovery()}.
 *   <li>Damage anywhere else (a bad record with valid records after it, a bad header, a missing
 *       segment, a bad snapshot) is a {@link
 *       org.annotationkit.core.store.journal.JournalCorruptedException} naming the file and byte
 *       offset; nothing is skipped.
 *   <li>One owner at a time: a second {@code open}, from another process or this one, fails at once
 *       with a {@link org.annotationkit.core.store.journal.JournalLockedException}.
 * </ul>
 *
 * <h2>On-disk format, version 1</h2>
 *
 * <p>All numbers are unsigned and big-endian; CRC32C is the Castagnoli CRC of {@link
 * java.util.zip.CRC32C} (RFC 3720, appendix B.4). A journal directory holds:
 *
 * <ul>
 *   <li>{@code journal.lock}: the lock file, held with an OS file lock by the owner, holding its
 *       process id as text.
 *   <li>{@code journal-NNNNNNNNNNNNNNNNNNNN.akj}: segments, named by the sequence number of their
 *       first record in 20 decimal digits. Each is a 20-byte header ({@code "AKJL"}, version u16 =
 *       1, reserved u16 = 0, first sequence number u64, CRC32C u32 of the 16 bytes before it)
 *       followed by records. A record is its payload length u32 (at most 2<sup>28</sup>), the
 *       CRC32C u32 of the length's four bytes followed by the payload, then the payload. Records
 *       are numbered in order from the header's first sequence number; each segment starts where
 *       the one before it ended. Only the last segment is written to; while it is, it may end with
 *       zero bytes written ahead of later records (a frame header of eight zeros, then only zeros),
 *       which closing the journal cuts off.
 *   <li>{@code snapshot-NNNNNNNNNNNNNNNNNNNN.aks}: the latest snapshot, named by the number of
 *       records it covers: a 16-byte header ({@code "AKJS"}, version u16 = 1, reserved u16 = 0,
 *       covered records u64), the owner's state, and a 12-byte trailer (the state's length u64, the
 *       CRC32C u32 of everything before it). Opening loads it, then replays the records from the
 *       covered count on.
 *   <li>{@code .*.tmp}: a file being written atomically; one left by a crash is deleted on open.
 * </ul>
 *
 * <p>A reader meeting another version number stops with an error rather than guess; a later version
 * of this code will read version 1 and say how it converts it. The same description, with a worked
 * example, is in {@code docs/journal.md}.
 *
 * @since 0.1.0
 */
@NullMarked
@CheckReturnValue
package org.annotationkit.core.store.journal;

import com.google.errorprone.annotations.CheckReturnValue;
import org.jspecify.annotations.NullMarked;
