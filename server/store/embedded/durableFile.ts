/**
 * Durable whole-file writes and a lowdb adapter built on them. steno, lowdb's writer, renames
 * without fsync, so a power cut can leave an empty file behind a rename; here every write is
 * temp file, fsync, rename, fsync of the directory, and a read that finds an empty, truncated or
 * non-object file refuses it (StoreCorrupt) rather than treating it as new.
 */
import { readFile } from "node:fs/promises";
import type { Adapter } from "lowdb";
import { StoreCorrupt } from "../../domainErrors";
import { writeDurable } from "../durableWrite";

/** Reads a JSON file written by `writeDurable`: null when missing, StoreCorrupt when unreadable. */
export async function readJsonStrict(file: string): Promise<unknown | null> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw err;
  }
  if (text.trim() === "") throw new StoreCorrupt(`${file} is empty; restore it from a backup`);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new StoreCorrupt(`${file} is not valid JSON (truncated or corrupt); restore it from a backup`);
  }
  if (typeof value !== "object" || value === null || Array.isArray(value))
    throw new StoreCorrupt(`${file} does not hold a JSON object; restore it from a backup`);
  return value;
}

/** lowdb's JSONFile, with durable writes and strict reads; `check` refuses a file of the wrong shape. */
export class DurableJsonFile<T> implements Adapter<T> {
  constructor(
    readonly file: string,
    private readonly check: (value: object, file: string) => T,
  ) {}

  async read(): Promise<T | null> {
    const value = await readJsonStrict(this.file);
    return value === null ? null : this.check(value as object, this.file);
  }

  write(data: T): Promise<void> {
    return writeDurable(this.file, JSON.stringify(data));
  }
}
