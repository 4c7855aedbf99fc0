#!/usr/bin/env python3
"""Writes the journal format's version 1 golden files (docs/journal.md, worked example) from the
format's description alone, with a bitwise CRC32C, so that JournalGoldenFilesTest checks the Java
code against an independent writer. Run from the repository root:

    python3 annotation-core/src/test/scripts/generate_journal_golden_files.py
"""
import pathlib
import struct


def crc32c(data: bytes) -> int:
    """CRC-32C (Castagnoli), reflected polynomial 0x82F63B78, RFC 3720 appendix B.4."""
    crc = 0xFFFFFFFF
    for byte in data:
        crc ^= byte
        for _ in range(8):
            crc = (crc >> 1) ^ 0x82F63B78 if crc & 1 else crc >> 1
    return crc ^ 0xFFFFFFFF


assert crc32c(bytes(32)) == 0x8A9136AA  # RFC 3720 B.4, 32 bytes of zeros
assert crc32c(b"123456789") == 0xE3069283  # the CRC catalogue's check value


def segment(first: int, payloads: list) -> bytes:
    header = b"AKJL" + struct.pack(">HHQ", 1, 0, first)
    out = header + struct.pack(">I", crc32c(header))
    for payload in payloads:
        length = struct.pack(">I", len(payload))
        out += length + struct.pack(">I", crc32c(length + payload)) + payload
    return out


def snapshot(covered: int, state: bytes) -> bytes:
    body = b"AKJS" + struct.pack(">HHQ", 1, 0, covered) + state + struct.pack(">Q", len(state))
    return body + struct.pack(">I", crc32c(body))


base = pathlib.Path("annotation-core/src/test/resources/journal/v1")
(base / "records").mkdir(parents=True, exist_ok=True)
(base / "snapshot").mkdir(parents=True, exist_ok=True)
(base / "records/journal-00000000000000000000.akj").write_bytes(segment(0, [b"hi", b""]))
(base / "snapshot/snapshot-00000000000000000002.aks").write_bytes(snapshot(2, b"{}"))
(base / "snapshot/journal-00000000000000000002.akj").write_bytes(segment(2, [b"third"]))
