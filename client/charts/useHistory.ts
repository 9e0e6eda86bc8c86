/** The workshop's risk history (every snapshot's verified standings), fetched again whenever a snapshot is added. */
import { useEffect, useState } from "react";
import { describeError, getHistory, type HistoryResponse } from "../api";
import { useSnapshots } from "../hooks/useEstimation";
import { useRoom } from "../room/RoomContext";

export type HistoryState =
  | { status: "loading"; data: HistoryResponse | null }
  | { status: "ready"; data: HistoryResponse }
  | { status: "error"; message: string; data: HistoryResponse | null };

export function useHistory(): HistoryState {
  const { token, workshopId, controlDoc } = useRoom();
  const snapshotCount = useSnapshots(controlDoc).length;
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

  return state;
}
