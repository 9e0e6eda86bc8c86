/** A bare websocket for sending bytes no well-behaved client would. */
import { WebSocket } from "ws";

export interface RawSocket {
  ws: WebSocket;
  messages: Uint8Array[];
  opened: Promise<void>;
  closed: Promise<{ code: number; reason: string }>;
  /** Resolves with the HTTP status when the server refuses the upgrade. */
  refused: Promise<number>;
}

export function openRaw(
  wsUrl: string,
  room: string,
  token?: string,
  headers: Record<string, string> = {},
): RawSocket {
  const url = `${wsUrl}/${room}${token ? `?token=${encodeURIComponent(token)}` : ""}`;
  const ws = new WebSocket(url, { headers });
  ws.binaryType = "nodebuffer";
  const messages: Uint8Array[] = [];
  ws.on("message", (data: Buffer) => messages.push(new Uint8Array(data)));
  const opened = new Promise<void>((resolve, reject) => {
    ws.once("open", () => resolve());
    ws.once("unexpected-response", (_req, res) => reject(new Error(`refused with ${res.statusCode}`)));
  });
  // Tests that expect a refusal await `refused` instead; the rejection here is not an error for them.
  opened.catch(() => undefined);
  return {
    ws,
    messages,
    opened,
    closed: new Promise((resolve) =>
      ws.once("close", (code, reason) => resolve({ code, reason: reason.toString() })),
    ),
    refused: new Promise((resolve) =>
      ws.once("unexpected-response", (_req, res) => resolve(res.statusCode ?? 0)),
    ),
  };
}
