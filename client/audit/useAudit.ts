/** The audit trail, fetched when the view opens and again on request. */
import { useCallback, useEffect, useState } from "react";
import type { AuditResponse } from "../../shared/audit";
import { describeError, getAudit } from "../api";
import { useRoom } from "../room/RoomContext";

export type AuditState =
  | { status: "loading"; data: AuditResponse | null }
  | { status: "ready"; data: AuditResponse }
  | { status: "error"; message: string; data: AuditResponse | null };

export function useAudit(): { state: AuditState; reload: (verify: boolean) => void } {
  const { token, workshopId } = useRoom();
  const [state, setState] = useState<AuditState>({ status: "loading", data: null });
  const [ask, setAsk] = useState({ n: 0, verify: false });

  useEffect(() => {
    void ask.n;
    let live = true;
    setState((s) => ({ status: "loading", data: s.data }));
    getAudit(token, workshopId, ask.verify).then(
      (data) => live && setState({ status: "ready", data }),
      (err: unknown) =>
        live && setState((s) => ({ status: "error", message: describeError(err), data: s.data })),
    );
    return () => {
      live = false;
    };
  }, [token, workshopId, ask]);

  const reload = useCallback((verify: boolean) => setAsk((a) => ({ n: a.n + 1, verify })), []);
  return { state, reload };
}
