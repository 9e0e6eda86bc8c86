/**
 * The byte format of a document's update log, and reading it back.
 *
 * Version 2 (every log written now): an 8-byte file header `RRDLOG` + u16 LE version, then records of
 *   [u32 LE length][u32 LE crc32 of the update][u32 LE crc32 of the 8 bytes before][update]
 * The header's own checksum tells a torn last record (a complete header whose update runs past the
 * end of the file) from a corrupt one (a header that does not check), which a length alone cannot.
 * Version 1 (logs written before): records of [u32 LE length][update], no file header; still read.
 */
import { crc32 } from "node:zlib";

export const LOG_MAGIC = Buffer.from("RRDLOG\u0002\u0000", "latin1");
export const RECORD_HEADER_BYTES = 12;

/** A log whose middle does not read back: the room must not load, and the file is kept as it is. */
export class CorruptLog extends Error {}

/** One record of the current format, header and update in one buffer (so it is one write). */
export function encodeRecord(update: Uint8Array): Buffer {
  const record = Buffer.allocUnsafe(RECORD_HEADER_BYTES + update.length);
  record.writeUInt32LE(update.length, 0);
  record.writeUInt32LE(crc32(update), 4);
  record.writeUInt32LE(crc32(record.subarray(0, 8)), 8);
  record.set(update, RECORD_HEADER_BYTES);
  return record;
}

export interface ReadLog {
  records: Uint8Array[];
  /** Bytes that read back whole; a torn last record starts here and is cut off. */
  validLength: number;
  /** Whether the file is in the current format (so appends may continue in it). */
  current: boolean;
}

/** Reads a log file's bytes; throws CorruptLog, naming the offset, when a record before the last is bad. */
export function readLog(buf: Buffer, file: string): ReadLog {
  if (buf.length < LOG_MAGIC.length && LOG_MAGIC.subarray(0, buf.length).equals(buf))
    return { records: [], validLength: 0, current: true };
  if (buf.subarray(0, LOG_MAGIC.length).equals(LOG_MAGIC))
    return { ...readCurrent(buf, file), current: true };
  return { ...readVersion1(buf), current: false };
}

function readCurrent(buf: Buffer, file: string): Omit<ReadLog, "current"> {
  const records: Uint8Array[] = [];
  let pos = LOG_MAGIC.length;
  while (pos < buf.length) {
    const left = buf.length - pos;
    // A header cut short, or a tail of zeros (a power loss after the size grew), is a torn write.
    if (left < RECORD_HEADER_BYTES || isZeros(buf, pos)) break;
    const corrupt = (why: string) =>
      new CorruptLog(`document log ${file} is corrupt at byte ${pos} (record ${records.length + 1}): ${why}`);
    if (buf.readUInt32LE(pos + 8) !== crc32(buf.subarray(pos, pos + 8)))
      throw corrupt("its header does not match its checksum");
    const len = buf.readUInt32LE(pos);
    const end = pos + RECORD_HEADER_BYTES + len;
    if (end > buf.length) break;
    const update = buf.subarray(pos + RECORD_HEADER_BYTES, end);
    if (buf.readUInt32LE(pos + 4) !== crc32(update)) {
      // The last record's bytes may not all have reached the disk before a power loss.
      if (end === buf.length) break;
      throw corrupt("its update does not match its checksum");
    }
    records.push(update);
    pos = end;
  }
  return { records, validLength: pos };
}

/** The first format: nothing tells torn from corrupt, so the log is read as far as lengths fit. */
function readVersion1(buf: Buffer): Omit<ReadLog, "current"> {
  const records: Uint8Array[] = [];
  let pos = 0;
  while (pos + 4 <= buf.length) {
    const len = buf.readUInt32LE(pos);
    if (pos + 4 + len > buf.length) break;
    records.push(buf.subarray(pos + 4, pos + 4 + len));
    pos += 4 + len;
  }
  return { records, validLength: pos };
}

function isZeros(buf: Buffer, from: number): boolean {
  for (let i = from; i < buf.length; i++) if (buf[i] !== 0) return false;
  return true;
}
