import { openRaw } from "./rawSocket";
import { storedDocBytes } from "./storedDoc";
import type { TestServer } from "./testServer";

/** Every stored byte of a workshop's content document (state and logs, in name order). */
export function storedContent(server: TestServer, workshopId: string): Promise<Buffer> {
  return storedDocBytes(server, workshopId, "content");
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
