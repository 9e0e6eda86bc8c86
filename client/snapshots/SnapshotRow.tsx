import { useState } from "react";
import type { SnapshotEntry } from "../../shared/snapshot";
import { Link } from "../components/Link";
import { formatDateTime, shortHash } from "../format";
import { useRoom } from "../room/RoomContext";
import { roomPath } from "../router";
import { DownloadMenu } from "./DownloadMenu";
import { NewWorkshopForm } from "./NewWorkshopForm";
import { NOW } from "./useSnapshotPair";

interface Props {
  snapshot: SnapshotEntry;
  chosen: boolean;
  /** The server found the stored blob altered: it cannot be opened, compared or started from. */
  failed: boolean;
  onToggle(): void;
}

/** One snapshot: what it is, open it, choose it for a comparison, download it, start from it. */
export function SnapshotRow({ snapshot, chosen, failed, onToggle }: Props) {
  const { workshopId, canFacilitate } = useRoom();
  const [starting, setStarting] = useState(false);
  const checkId = `compare-${snapshot.id}`;
  return (
    <li className={chosen ? "snapshot-row chosen" : "snapshot-row"}>
      <div className="snapshot-choose">
        {/* An altered snapshot cannot be compared: choosing it would only lead to an error page. */}
        <input
          id={checkId}
          type="checkbox"
          checked={chosen}
          onChange={onToggle}
          disabled={failed && !chosen}
        />
        <label htmlFor={checkId} className="visually-hidden">
          Choose “{snapshot.label}” for comparison
        </label>
      </div>
      <div className="snapshot-main">
        <div className="snapshot-title">
          <Link
            href={roomPath(workshopId, {
              kind: "snapshot",
              snapshotId: snapshot.id,
              place: { kind: "overview" },
            })}
          >
            {snapshot.label}
          </Link>
          {failed && (
            <span className="badge badge-revoked" title="Its stored file no longer matches its SHA-256">
              failed integrity check
            </span>
          )}
          {snapshot.auto && (
            <span
              className="badge snapshot-auto"
              title="Taken by the server when a round was revealed or closed"
            >
              auto
            </span>
          )}
        </div>
        <div className="muted small">
          <time dateTime={snapshot.takenAt}>{formatDateTime(snapshot.takenAt)}</time> · by {snapshot.takenBy}{" "}
          ·{" "}
          <span className="snapshot-hash" title={`SHA-256 ${snapshot.sha256}`}>
            sha256 {shortHash(snapshot.sha256)}
          </span>
        </div>
        {starting && <NewWorkshopForm snapshot={snapshot} onClose={() => setStarting(false)} />}
      </div>
      <div className="snapshot-actions">
        <Link
          className="small-button"
          href={roomPath(workshopId, {
            kind: "snapshot",
            snapshotId: snapshot.id,
            place: { kind: "overview" },
          })}
          aria-label={`Open “${snapshot.label}”`}
        >
          Open
        </Link>
        {!failed && (
          <Link
            className="small-button"
            href={roomPath(workshopId, { kind: "compare", from: snapshot.id, to: NOW })}
            aria-label={`Compare with now: “${snapshot.label}”`}
          >
            Compare with now
          </Link>
        )}
        <DownloadMenu snapshotId={snapshot.id} what={`“${snapshot.label}”`} />
        {canFacilitate && !starting && !failed && (
          <button
            type="button"
            className="small-button"
            onClick={() => setStarting(true)}
            aria-label={`Start a new workshop from “${snapshot.label}”`}
          >
            New workshop…
          </button>
        )}
      </div>
    </li>
  );
}
