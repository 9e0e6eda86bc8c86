import { useConnectionState } from "../hooks/useConnectionState";
import type { ConnectionState, DocConnection } from "../sync/docConnection";

const LABELS: Record<ConnectionState, string> = {
  connecting: "Connecting…",
  syncing: "Syncing…",
  synced: "Connected",
  offline: "Offline, retrying",
  closed: "Disconnected",
};

/** One document's connection, in words and a coloured dot, announced politely when it changes. */
export function ConnectionStatus({ label, connection }: { label: string; connection: DocConnection }) {
  const { state } = useConnectionState(connection);
  return (
    <div className="conn-status" data-state={state} role="status">
      <span className="conn-dot" aria-hidden="true" />
      <span className="conn-label">{label}</span>
      <span className="visually-hidden">: </span>
      <span className="conn-state">{LABELS[state]}</span>
    </div>
  );
}
