/**
 * A sync message framed once as a WebSocket binary frame, so a relay to many sockets writes the same
 * bytes to each (`Connection.sendFrame`) instead of framing, copying and corking per socket as
 * `ws.send` does. The framing is ws's own: its `Sender.frame`, exported at runtime but absent from
 * @types/ws. Server frames are never masked (RFC 6455, 5.1), and no extension (compression) is
 * negotiated on our sockets, so the frame is the same for every peer.
 */
import * as wsModule from "ws";

interface FrameOptions {
  fin: boolean;
  opcode: number;
  mask: boolean;
  readOnly: boolean;
  rsv1: boolean;
}

const { Sender } = wsModule as unknown as {
  Sender: { frame(data: Buffer, options: FrameOptions): Buffer[] };
};

const BINARY: FrameOptions = { fin: true, opcode: 0x2, mask: false, readOnly: true, rsv1: false };

/** One buffer holding the frame's header and the message. */
export function binaryFrame(message: Uint8Array): Buffer {
  const data = Buffer.from(message.buffer, message.byteOffset, message.byteLength);
  const parts = Sender.frame(data, BINARY);
  return parts.length === 1 ? (parts[0] as Buffer) : Buffer.concat(parts);
}
