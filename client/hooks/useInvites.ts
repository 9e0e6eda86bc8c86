import { useCallback, useEffect, useState } from "react";
import type { InviteView } from "../../shared/api";
import { describeError, listInvites } from "../api";

export interface InvitesState {
  invites: InviteView[] | null;
  error: string | null;
  refresh(): void;
}

/** The workshop's invites, from REST (they are not in any document); `refresh` after every change. */
export function useInvites(token: string, workshopId: string): InvitesState {
  const [invites, setInvites] = useState<InviteView[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  const refresh = useCallback(() => setVersion((v) => v + 1), []);

  useEffect(() => {
    // `version` only asks for a new fetch.
    void version;
    let current = true;
    listInvites(token, workshopId).then(
      (res) => {
        if (!current) return;
        setInvites(res.invites);
        setError(null);
      },
      (err: unknown) => {
        if (current) setError(describeError(err));
      },
    );
    return () => {
      current = false;
    };
  }, [token, workshopId, version]);

  return { invites, error, refresh };
}
