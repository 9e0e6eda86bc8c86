/**
 * The workshop's risk history (every snapshot's verified standings), fetched again whenever a
 * snapshot is added. Only snapshots the room's control document lists are kept: inside a snapshot
 * that is the history up to it (its own point included), not the snapshots taken later.
 */
import { useContext, useEffect, useMemo, useState } from "react";
import { describeError, getHistory, type HistoryResponse } from "../api";
import { useSnapshots } from "../hooks/useEstimation";
import { useRoom } from "../room/RoomContext";
import { HistoryScopeContext } from "./historyScope";

export type HistoryState =
  | { status: "loading"; data: HistoryResponse | null }
  | { status: "ready"; data: HistoryResponse }
  | { status: "error"; message: string; data: HistoryResponse | null };

export function useHistory(): HistoryState {
  const { token, workshopId, controlDoc } = useRoom();
  const known = useSnapshots(controlDoc);
  const viewedSnapshot = useContext(HistoryScopeContext);
  const snapshotCount = known.length;
  const [state, setState] = useState<HistoryState>({ status: "loading", data: null });

  useEffect(() => {
    // `snapshotCount` is the trigger: a new snapshot means a new point on every line.
    void snapshotCount;
    let live = true;
    setState((s) => ({ status: "loading", data: s.data }));
    getHistory(token, workshopId).then(
      (data) => live && setState({ status: "ready", data }),
      (err: unknown) =>
        live &&
        setState((s) => ({
          status: "error",
          message: describeError(err),
          data: s.data,
        })),
    );
    return () => {
      live = false;
    };
  }, [token, workshopId, snapshotCount]);

  return useMemo(() => {
    if (!state.data) return state;
    const ids = new Set(known.map((s) => s.id));
    if (viewedSnapshot) ids.add(viewedSnapshot);
    return { ...state, data: upTo(state.data, ids) } as HistoryState;
  }, [state, known, viewedSnapshot]);
}

/** The history restricted to the snapshots in `ids`. */
export function upTo(data: HistoryResponse, ids: ReadonlySet<string>): HistoryResponse {
  return {
    snapshots: data.snapshots.filter((s) => ids.has(s.id)),
    history: data.history.map((h) => ({ ...h, points: h.points.filter((p) => ids.has(p.snapshotId)) })),
  };
}
