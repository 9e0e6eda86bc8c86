import type { WorkshopView } from "../../shared/api";
import { Link } from "../components/Link";
import { PhaseIndicator } from "../facilitation/PhaseIndicator";
import { useConnectionState } from "../hooks/useConnectionState";
import type { DocConnection } from "../sync/docConnection";
import { ConnectionStatus } from "./ConnectionStatus";

/** The room's top bar: brand, workshop, phase, and both documents' connections, always in sight. */
export function RoomHeader({
  workshop,
  content,
  control,
  keepsOffline,
}: {
  workshop: WorkshopView;
  content: DocConnection;
  control: DocConnection;
  /** This person's edits are kept on the device while offline. */
  keepsOffline: boolean;
}) {
  const { state } = useConnectionState(content);
  return (
    <header className="app-header room-header">
      <Link className="brand" href="/" aria-label="Riskroom home">
        <span className="brand-mark" aria-hidden="true">
          R
        </span>
      </Link>
      <div className="room-heading">
        <h1>{workshop.title}</h1>
        {workshop.subject && <p className="subject">{workshop.subject}</p>}
      </div>
      <PhaseIndicator />
      <div className="conn-group">
        <ConnectionStatus label="Content" connection={content} />
        <ConnectionStatus label="Control" connection={control} />
        {keepsOffline && (state === "offline" || state === "connecting") && (
          <span className="offline-hint">
            Your edits are kept on this device and sent when you reconnect.
          </span>
        )}
      </div>
    </header>
  );
}
