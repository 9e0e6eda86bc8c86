/**
 * Durable whole-file writes for every file store: temp file, fsync, rename, fsync of the directory,
 * so a power cut leaves either the old file or the new one, never an empty one behind a rename.
 */
import { open, rename } from "node:fs/promises";
import path from "node:path";

/**
 * Replaces `file` with `data`, atomically and durably; a failure leaves the old file as it was.
 * `exclusive`: refuse (EEXIST) when a write of the same file is already under way.
 */
export async function writeDurable(
  file: string,
  data: string | Uint8Array,
  { exclusive = false }: { exclusive?: boolean } = {},
): Promise<void> {
  const tmp = `${file}.tmp`;
  const handle = await open(tmp, exclusive ? "wx" : "w");
  try {
    await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
  await rename(tmp, file);
  await syncDir(path.dirname(file));
}

/** Makes a rename or a new file in `dir` durable. */
export async function syncDir(dir: string): Promise<void> {
  const handle = await open(dir, "r");
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
