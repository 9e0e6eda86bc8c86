/** One snapshot opened as a room source: the blob fetched and verified by the server, then decoded. */
import { useEffect, useState } from "react";
import { ErrorCode } from "../../shared/errors";
import { ApiRequestError, describeError, getSnapshot } from "../api";
import { openSnapshotSource, type SnapshotSource } from "./snapshotSource";

export type SnapshotRoomState =
  | { status: "loading" }
  | { status: "ready"; source: SnapshotSource }
  | { status: "corrupt"; message: string }
  | { status: "missing" }
  | { status: "error"; message: string };

export function useSnapshotRoom(token: string, workshopId: string, snapshotId: string): SnapshotRoomState {
  const [state, setState] = useState<SnapshotRoomState>({ status: "loading" });
  useEffect(() => {
    let source: SnapshotSource | null = null;
    let live = true;
    setState({ status: "loading" });
    getSnapshot(token, workshopId, snapshotId).then(
      ({ snapshot }) => {
        if (!live) return;
        source = openSnapshotSource(snapshot);
        setState({ status: "ready", source });
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
      source?.destroy();
    };
  }, [token, workshopId, snapshotId]);
  return state;
}
