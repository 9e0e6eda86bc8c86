/**
 * Both sides of a comparison, fetched together, their content read into plain JSON. Either side may
 * be `NOW`: the live room as this device holds it, standings and framework included.
 */
import { useEffect, useState } from "react";
import type * as Y from "yjs";
import { readContent } from "../../shared/content";
import type { Content } from "../../shared/content/schema";
import { ErrorCode } from "../../shared/errors";
import type { Framework } from "../../shared/estimation/framework";
import { readAllRevealed, readFramework, readRounds } from "../../shared/estimationView";
import type { ScenarioStanding, SnapshotBlob } from "../../shared/snapshot";
import { standingsOf } from "../../shared/standings";
import { ApiRequestError, describeError, getSnapshot } from "../api";
import { docFromBase64 } from "./snapshotSource";

/** The side of a comparison that is the live room rather than a snapshot. */
export const NOW = "now";

export interface OpenedSnapshot {
  id: string;
  label: string;
  takenAt: string;
  /** Empty for the live room. */
  takenBy: string;
  framework: Framework | null;
  standings: Record<string, ScenarioStanding>;
  content: Content;
}

export type PairState =
  | { status: "loading" }
  | { status: "ready"; from: OpenedSnapshot; to: OpenedSnapshot }
  | { status: "error"; message: string; corrupt: boolean };

function open(blob: SnapshotBlob): OpenedSnapshot {
  const doc = docFromBase64(blob.content);
  try {
    const { id, label, takenAt, takenBy, framework, standings } = blob;
    return { id, label, takenAt, takenBy, framework, standings, content: readContent(doc) };
  } finally {
    doc.destroy();
  }
}

/** The live room, read once when the comparison opens (a comparison is a still picture). */
function openNow(content: Y.Doc, control: Y.Doc): OpenedSnapshot {
  return {
    id: NOW,
    label: "Now (the live workshop)",
    takenAt: new Date().toISOString(),
    takenBy: "",
    framework: readFramework(control),
    standings: standingsOf(readRounds(control), readAllRevealed(control)),
    content: readContent(content),
  };
}

export function useSnapshotPair(
  room: { token: string; workshopId: string; doc: Y.Doc; controlDoc: Y.Doc },
  from: string,
  to: string,
): PairState {
  const { token, workshopId, doc, controlDoc } = room;
  const [state, setState] = useState<PairState>({ status: "loading" });
  useEffect(() => {
    let live = true;
    setState({ status: "loading" });
    const side = (id: string): Promise<OpenedSnapshot> =>
      id === NOW
        ? Promise.resolve(openNow(doc, controlDoc))
        : getSnapshot(token, workshopId, id).then((r) => open(r.snapshot));
    Promise.all([side(from), side(to)]).then(
      ([a, b]) => live && setState({ status: "ready", from: a, to: b }),
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
  }, [token, workshopId, doc, controlDoc, from, to]);
  return state;
}
