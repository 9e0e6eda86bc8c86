/** One client's websocket in one room: who it is, what it may do, and a send that never throws. */
import { WebSocket } from "ws";
import type { Role } from "../../shared/roles";
import { canWriteContent } from "../../shared/roles";
import type { DocKind, RoomName } from "../../shared/rooms";

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
  /** Answered the last ping; checked by the keep-alive sweep. */
  alive = true;
  closed = false;
  expiryTimer?: NodeJS.Timeout;

  constructor(
    readonly ws: WebSocket,
    readonly room: RoomName,
    readonly identity: ConnectionIdentity,
  ) {}

  /** Whether document updates from this connection are applied (else dropped unseen). */
  canWrite(kind: DocKind): boolean {
    return kind === "content" && canWriteContent(this.identity.role);
  }

  send(message: Uint8Array): void {
    if (this.ws.readyState !== WebSocket.OPEN) return;
    this.ws.send(message, (err) => {
      if (err) this.close(1011, "send failed");
    });
  }

  close(code: number, reason: string): void {
    if (this.ws.readyState === WebSocket.CLOSED || this.ws.readyState === WebSocket.CLOSING) return;
    this.ws.close(code, reason);
  }
}
