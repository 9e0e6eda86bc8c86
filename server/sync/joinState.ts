/**
 * The encoded state a fresh client (empty state vector) is sent on joining, kept valid across
 * updates. Encoding a large document costs tens of milliseconds, and merging a small update into
 * that encoding costs more still, so the encoding is kept as it was and the updates since are
 * merged apart (cheap, they are small) and written right behind it. They go
 * after the state, not before: sent first, they wait as pending structs in the client, and its
 * retry after the large state cost a joiner ~60 ms in the bench. The client reports itself synced
 * on the state and applies the updates since from the next frame, as it would any edit. Once the
 * updates since outgrow a quarter of the state, the next join encodes the document afresh. A small
 * document is encoded afresh at every join and nothing is kept: encoding it costs microseconds,
 * and every open room would otherwise hold a copy of itself.
 */
import * as encoding from "lib0/encoding";
import * as syncProtocol from "y-protocols/sync";
import * as Y from "yjs";

const MESSAGE_SYNC = 0;
/** Updates kept since the encoding before it is rebuilt, whatever their size. */
const MAX_PARTS = 512;
/** Encodings shorter than this are not kept. */
const MIN_CACHED_BYTES = 32 * 1024;

export class JoinState {
  /** Sync step 2 with the whole document as of when it was encoded; null until a fresh join. */
  private state: Uint8Array | null = null;
  private since: Uint8Array[] = [];
  private sinceBytes = 0;
  /** The updates since, merged and framed as one sync update; null when it must be merged again. */
  private sinceMessage: Uint8Array | null = null;

  /** Whether an encoding is kept (a small document's is not, and its room need not keep this). */
  get holdsState(): boolean {
    return this.state !== null;
  }

  /** Records an update the document took; O(1). */
  add(update: Uint8Array): void {
    if (!this.state) return;
    this.since.push(update);
    this.sinceBytes += update.length;
    this.sinceMessage = null;
  }

  /** The frames a fresh client is sent: the cached state, then the updates since (if any). */
  messages(doc: Y.Doc): Uint8Array[] {
    if (!this.state || this.since.length > MAX_PARTS || this.sinceBytes * 4 > this.state.length) {
      const state = frame((encoder) => syncProtocol.writeSyncStep2(encoder, doc));
      this.state = state.length >= MIN_CACHED_BYTES ? state : null;
      this.since = [];
      this.sinceBytes = 0;
      this.sinceMessage = null;
      return [state];
    }
    if (this.since.length === 0) return [this.state];
    if (!this.sinceMessage) {
      const merged = Y.mergeUpdates(this.since);
      this.since = [merged];
      this.sinceMessage = frame((encoder) => syncProtocol.writeUpdate(encoder, merged));
    }
    return [this.state, this.sinceMessage];
  }
}

function frame(write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_SYNC);
  write(encoder);
  return encoding.toUint8Array(encoder);
}
