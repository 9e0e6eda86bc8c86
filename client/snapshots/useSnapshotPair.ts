/** Both snapshots of a comparison, fetched together; their content read into plain JSON. */
import { useEffect, useState } from "react";
import { readContent } from "../../shared/content";
import type { Content } from "../../shared/content/schema";
import { ErrorCode } from "../../shared/errors";
import type { SnapshotBlob } from "../../shared/snapshot";
import { ApiRequestError, describeError, getSnapshot } from "../api";
import { docFromBase64 } from "./useSnapshotRoom";

export interface OpenedSnapshot {
  blob: SnapshotBlob;
  content: Content;
}

export type PairState =
  | { status: "loading" }
  | { status: "ready"; from: OpenedSnapshot; to: OpenedSnapshot }
  | { status: "error"; message: string; corrupt: boolean };

function open(blob: SnapshotBlob): OpenedSnapshot {
  const doc = docFromBase64(blob.content);
  try {
    return { blob, content: readContent(doc) };
  } finally {
    doc.destroy();
  }
}

export function useSnapshotPair(token: string, workshopId: string, from: string, to: string): PairState {
  const [state, setState] = useState<PairState>({ status: "loading" });
  useEffect(() => {
    let live = true;
    setState({ status: "loading" });
    Promise.all([getSnapshot(token, workshopId, from), getSnapshot(token, workshopId, to)]).then(
      ([a, b]) => live && setState({ status: "ready", from: open(a.snapshot), to: open(b.snapshot) }),
      (err: unknown) =>
        live &&
        setState({
          status: "error",
          message: describeError(err),
          corrupt: err instanceof ApiRequestError && err.code === ErrorCode.snapshotCorrupt,
        }),
    );
    return () => {
      live = false;
    };
  }, [token, workshopId, from, to]);
  return state;
}
