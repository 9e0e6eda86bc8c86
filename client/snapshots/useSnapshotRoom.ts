/**
 * One snapshot opened as a room of its own: the blob fetched and verified by the server, its two
 * documents rebuilt, a content history over them (never used to write: the views are read-only),
 * and a provider that never connects, so presence, carets and "editing" stay on this device.
 */
import { useEffect, useState } from "react";
import { WebsocketProvider } from "y-websocket";
import * as Y from "yjs";
import { ErrorCode } from "../../shared/errors";
import type { SnapshotBlob } from "../../shared/snapshot";
import { ApiRequestError, describeError, getSnapshot } from "../api";
import { ContentHistory } from "../sync/contentHistory";

export interface SnapshotRoom {
  blob: SnapshotBlob;
  content: Y.Doc;
  control: Y.Doc;
  provider: WebsocketProvider;
  history: ContentHistory;
}

export type SnapshotRoomState =
  | { status: "loading" }
  | { status: "ready"; room: SnapshotRoom }
  | { status: "corrupt"; message: string }
  | { status: "missing" }
  | { status: "error"; message: string };

export function base64ToBytes(b64: string): Uint8Array {
  const raw = atob(b64);
  const bytes = new Uint8Array(raw.length);
  for (let i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i);
  return bytes;
}

export function docFromBase64(b64: string): Y.Doc {
  const doc = new Y.Doc();
  const update = base64ToBytes(b64);
  if (update.length > 0) Y.applyUpdate(doc, update);
  return doc;
}

export function useSnapshotRoom(token: string, workshopId: string, snapshotId: string): SnapshotRoomState {
  const [state, setState] = useState<SnapshotRoomState>({ status: "loading" });
  useEffect(() => {
    let room: SnapshotRoom | null = null;
    let live = true;
    setState({ status: "loading" });
    getSnapshot(token, workshopId, snapshotId).then(
      ({ snapshot }) => {
        if (!live) return;
        const content = docFromBase64(snapshot.content);
        const control = docFromBase64(snapshot.control);
        // connect: false: this provider only lends its (local) awareness to the views.
        const provider = new WebsocketProvider("ws://snapshot.invalid", `snapshot-${snapshot.id}`, content, {
          connect: false,
        });
        room = { blob: snapshot, content, control, provider, history: new ContentHistory(content) };
        setState({ status: "ready", room });
      },
      (err: unknown) => {
        if (!live) return;
        if (
          err instanceof ApiRequestError &&
          (err.code === ErrorCode.snapshotCorrupt || err.code === ErrorCode.snapshotMissing)
        )
          setState({ status: "corrupt", message: err.message });
        else if (err instanceof ApiRequestError && err.status === 404) setState({ status: "missing" });
        else setState({ status: "error", message: describeError(err) });
      },
    );
    return () => {
      live = false;
      if (!room) return;
      room.history.destroy();
      room.provider.destroy();
      room.content.destroy();
      room.control.destroy();
    };
  }, [token, workshopId, snapshotId]);
  return state;
}
