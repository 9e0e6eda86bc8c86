/** One client's websocket in one room: who it is, what it may do, and a send that never throws. */

import type { Duplex } from "node:stream";
import { WebSocket } from "ws";
import type { SyncLimits } from "../../shared/limits";
import type { Role } from "../../shared/roles";
import { canWriteContent } from "../../shared/roles";
import { type DocKind, type RoomName, roomName } from "../../shared/rooms";
import type { SessionRates } from "./rateLimit";
import type { Room } from "./room";
import { binaryFrame } from "./wsFrame";

export interface ConnectionIdentity {
  participantId: string;
  displayName: string;
  role: Role;
  /** SHA-256 of the session token, so revocation can find this socket. */
  sessionHash: string;
  inviteId?: string;
  expiresAt: number;
}

export class Connection {
  /** Awareness client ids this connection has claimed in its room. */
  readonly clientIds = new Set<number>();
  /** The room once it is loaded; until then, what the socket sent waits in `queue`. */
  loaded: Room | null = null;
  queue: Uint8Array[] | null = [];
  /** Answered the last ping; checked by the keep-alive sweep. */
  alive = true;
  closed = false;
  private largestSent = 0;
  /** The latest awareness update sent over the awareness rate, applied when the rate allows. */
  heldAwareness: Uint8Array | null = null;
  awarenessTimer?: NodeJS.Timeout;

  constructor(
    readonly ws: WebSocket,
    /** The socket under `ws`, which frames from `sendFrame` are written to. */
    private readonly socket: Duplex,
    readonly room: RoomName,
    readonly identity: ConnectionIdentity,
    readonly limits: SyncLimits,
    /** The rate buckets of this connection's session, shared with its other sockets. */
    readonly rates: SessionRates,
  ) {}

  /** Whether this connection may still send and be sent to (not closing, not closed). */
  get open(): boolean {
    return this.ws.readyState === WebSocket.OPEN;
  }

  /** How long a held awareness update waits before it tries again: one token's worth. */
  get awarenessRetryMs(): number {
    return Math.ceil(1000 / Math.max(1, this.limits.awarenessPerSecond));
  }

  /** Whether document updates from this connection are applied (else dropped unseen). */
  canWrite(kind: DocKind): boolean {
    return kind === "content" && canWriteContent(this.identity.role);
  }

  /** Queues a message (see `sendFrame`). */
  send(message: Uint8Array): void {
    if (this.ws.readyState === WebSocket.OPEN) this.sendFrame(binaryFrame(message));
  }

  /**
   * Queues a framed message (`binaryFrame`), the same bytes for every peer of a relay, unless the
   * reader has let more than MAX_SEND_BUFFER_BYTES (beyond the largest message it was sent) pile
   * up: it is then dropped at once (a close frame would only queue behind the rest), and its close
   * removes its presence as any close does. A failed write errors the socket, which ws then closes.
   */
  sendFrame(frame: Buffer): void {
    if (this.ws.readyState !== WebSocket.OPEN) return;
    // The largest message sent (a large document's state to a joiner) may still be on its way.
    if (this.socket.writableLength > this.limits.maxSendBufferBytes + this.largestSent) {
      console.warn(
        `dropping a slow reader of ${roomName(this.room)} (participant ${this.identity.participantId}): ${this.socket.writableLength} bytes unread`,
      );
      this.ws.terminate();
      return;
    }
    if (frame.length > this.largestSent) this.largestSent = frame.length;
    this.socket.write(frame);
  }

  close(code: number, reason: string): void {
    if (this.ws.readyState === WebSocket.CLOSED || this.ws.readyState === WebSocket.CLOSING) return;
    this.ws.close(code, reason);
  }
}
