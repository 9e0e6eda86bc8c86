import { useMemo, useSyncExternalStore } from "react";
import type { ConnectionState, DocConnection, FinalClose } from "../sync/docConnection";

export interface ConnectionView {
  state: ConnectionState;
  finalClose: FinalClose | null;
}

const EVENTS = ["status", "sync", "connection-close", "closed"] as const;

/** The live state of one document's connection: connecting, syncing, synced, offline or closed for good. */
export function useConnectionState(connection: DocConnection): ConnectionView {
  const source = useMemo(() => {
    let value: ConnectionView = { state: connection.state(), finalClose: connection.finalClose };
    const subscribe = (onChange: () => void) => {
      // The provider emits before it finishes updating its fields: read once it is done.
      const notify = () => queueMicrotask(onChange);
      for (const event of EVENTS) connection.provider.on(event, notify);
      const stopWatchingNetwork = connection.onStateChange(notify);
      notify();
      return () => {
        for (const event of EVENTS) connection.provider.off(event, notify);
        stopWatchingNetwork();
      };
    };
    const getSnapshot = () => {
      const state = connection.state();
      if (state !== value.state || connection.finalClose !== value.finalClose)
        value = { state, finalClose: connection.finalClose };
      return value;
    };
    return { subscribe, getSnapshot };
  }, [connection]);
  return useSyncExternalStore(source.subscribe, source.getSnapshot);
}
