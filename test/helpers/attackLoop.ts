/**
 * For the limit tests: send an attack again and again from raw sockets while the test checks that
 * the rest of the server keeps serving, and read a document's stored bytes to show nothing changed.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { openRaw } from "./rawSocket";

/** Every stored byte of a workshop's content document (state and logs, in name order). */
export function storedContent(dataDir: string, workshopId: string): Buffer {
  const dir = path.join(dataDir, "docs", workshopId);
  const files = readdirSync(dir).filter((f) => f.startsWith("content.") && !f.endsWith(".tmp"));
  return Buffer.concat(files.sort().map((f) => readFileSync(path.join(dir, f))));
}

export interface AttackLoop {
  /** Close codes of the attacks answered so far, in order. */
  readonly codes: number[];
  /** Stops after the attack in flight and resolves with every close code. */
  stop(): Promise<number[]>;
}

/**
 * Opens a socket, sends `frames`, waits for the server to close it, and does it again until
 * stopped, so an edit elsewhere can be shown to arrive while an attack is being handled.
 */
export function attackUntilStopped(
  wsUrl: string,
  room: string,
  token: string,
  frames: Uint8Array[],
): AttackLoop {
  const codes: number[] = [];
  let stopped = false;
  const loop = (async () => {
    while (!stopped) {
      const raw = openRaw(wsUrl, room, token);
      await raw.opened;
      for (const frame of frames) raw.ws.send(frame);
      codes.push((await raw.closed).code);
    }
  })();
  return {
    codes,
    async stop() {
      stopped = true;
      await loop;
      return codes;
    },
  };
}
