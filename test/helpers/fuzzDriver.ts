/**
 * Sends fuzz inputs one at a time over raw sockets and learns each one's fate: after each input an
 * awareness query follows, so an answer to the query means the input was handled and kept, and a
 * close means it was refused (the close code says why). A closed socket is replaced by a new one.
 */
import * as decoding from "lib0/decoding";
import { WebSocket } from "ws";
import type { FuzzCorpus, FuzzInput } from "./fuzzCorpus";

const QUERY_AWARENESS = Uint8Array.of(3);
const MESSAGE_AWARENESS = 1;

export interface FuzzOutcome {
  index: number;
  input: FuzzInput;
  /** The close code when refused, null when accepted. */
  code: number | null;
}

export interface FuzzRun {
  wsUrl: string;
  room: string;
  token: string;
  corpus: FuzzCorpus;
  count: number;
  /** Called before each input is sent (e.g. to note the stored bytes). */
  before?(index: number): void | Promise<void>;
  /** Called once each input's fate is known, after an accepted update reached the model. */
  after?(outcome: FuzzOutcome): void;
}

/** Runs the corpus; resolves with how many inputs ended with each close code (0: accepted). */
export async function runFuzz(run: FuzzRun): Promise<Map<number, number>> {
  const tally = new Map<number, number>();
  let socket: FuzzSocket | null = null;
  for (let index = 0; index < run.count; index++) {
    socket ??= await FuzzSocket.open(`${run.wsUrl}/${run.room}?token=${encodeURIComponent(run.token)}`);
    const input = run.corpus.next();
    await run.before?.(index);
    const code = await socket.handle(input.frame, index);
    const update = code === null ? updateIn(input.frame) : null;
    if (update) run.corpus.accepted(update);
    if (code !== null) run.corpus.refused(input);
    if (code !== null) socket = null;
    tally.set(code ?? 0, (tally.get(code ?? 0) ?? 0) + 1);
    run.after?.({ index, input, code });
  }
  socket?.ws.close();
  return tally;
}

class FuzzSocket {
  private waiter: ((code: number | null) => void) | null = null;
  private closedWith: number | null = null;

  private constructor(readonly ws: WebSocket) {
    ws.on("message", (data: Buffer) => {
      if (data[0] === MESSAGE_AWARENESS) this.settle(null);
    });
    ws.on("close", (code) => {
      this.closedWith = code;
      this.settle(code);
    });
  }

  static open(url: string): Promise<FuzzSocket> {
    const ws = new WebSocket(url);
    return new Promise((resolve, reject) => {
      ws.once("open", () => resolve(new FuzzSocket(ws)));
      ws.once("error", reject);
    });
  }

  /** Sends the input and a query; resolves with null once the query is answered, or the close code. */
  handle(frame: Uint8Array, index: number): Promise<number | null> {
    if (this.closedWith !== null) return Promise.resolve(this.closedWith);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`fuzz input ${index}: no answer and no close`)),
        30_000,
      );
      this.waiter = (code) => {
        clearTimeout(timer);
        resolve(code);
      };
      this.ws.send(frame);
      this.ws.send(QUERY_AWARENESS);
    });
  }

  private settle(code: number | null): void {
    const waiter = this.waiter;
    this.waiter = null;
    waiter?.(code);
  }
}

/** The update a sync step 2 or update message carries (random bytes are sometimes one), else null. */
function updateIn(frame: Uint8Array): Uint8Array | null {
  try {
    const d = decoding.createDecoder(frame);
    if (decoding.readVarUint(d) !== 0) return null;
    const type = decoding.readVarUint(d);
    return type === 1 || type === 2 ? decoding.readVarUint8Array(d) : null;
  } catch {
    return null;
  }
}
