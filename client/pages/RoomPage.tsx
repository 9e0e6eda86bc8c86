import { useMemo, useState } from "react";
import type { PresenceUser } from "../../shared/presence";
import { colorFor } from "../../shared/presence";
import { canFacilitate } from "../../shared/roles";
import { Layout } from "../components/Layout";
import { Link } from "../components/Link";
import { roleLabel } from "../format";
import { useConnectionState } from "../hooks/useConnectionState";
import { useParticipants } from "../hooks/useParticipants";
import { usePresence } from "../hooks/usePresence";
import { type RoomConnections, useRoomConnections } from "../hooks/useRoomConnections";
import { useWorkshop } from "../hooks/useWorkshop";
import { ClosedNotice } from "../room/ClosedNotice";
import { ConnectionStatus } from "../room/ConnectionStatus";
import { InvitePanel } from "../room/InvitePanel";
import { ParticipantList } from "../room/ParticipantList";
import { PresenceBar } from "../room/PresenceBar";
import { forgetSession, loadSession, type StoredSession } from "../session";

export function RoomPage({ workshopId }: { workshopId: string }) {
  const [session, setSession] = useState(() => loadSession(workshopId));
  const connections = useRoomConnections(session);
  const forget = () => {
    forgetSession(workshopId);
    setSession(null);
  };

  if (!session) return <NoSession />;
  if (!connections)
    return (
      <Layout title={session.workshop.title}>
        <p className="muted">Opening the workshop…</p>
      </Layout>
    );
  return <Room session={session} connections={connections} onForget={forget} />;
}

function NoSession() {
  return (
    <Layout title="No session">
      <section className="card narrow" aria-labelledby="nosession-heading">
        <h1 id="nosession-heading">You have not joined this workshop in this browser</h1>
        <p>
          To take part, ask a facilitator of the workshop for an <strong>invite link</strong>. It looks like{" "}
          <code>https://…/join#…</code>; open it in this browser and enter your name.
        </p>
        <p>
          Facilitators can make invite links from the “Invite people” panel of the workshop room. If you
          started this workshop in another browser, open it there, or invite yourself from it.
        </p>
        <p>
          <Link href="/">Start a new workshop instead</Link>
        </p>
      </section>
    </Layout>
  );
}

function Room({
  session,
  connections,
  onForget,
}: {
  session: StoredSession;
  connections: RoomConnections;
  onForget(): void;
}) {
  const { content, control } = connections;
  const { participant, token } = session;
  const workshop = useWorkshop(control.doc, session.workshop);
  const self = useMemo<PresenceUser>(
    () => ({
      participantId: participant.id,
      name: participant.displayName,
      role: participant.role,
      color: colorFor(participant.id),
    }),
    [participant],
  );
  const people = usePresence(content.provider.awareness, self);
  const participants = useParticipants(control.doc);
  const contentState = useConnectionState(content);
  const controlState = useConnectionState(control);
  const finalClose = contentState.finalClose ?? controlState.finalClose;
  // Once the server has shut this person out, nobody is "here" from their point of view.
  const presentIds = useMemo(
    () => new Set(finalClose ? [] : people.map((p) => p.participantId)),
    [people, finalClose],
  );

  const header = (
    <div className="header-right">
      <div className="conn-group">
        <ConnectionStatus label="Content" connection={content} />
        <ConnectionStatus label="Control" connection={control} />
      </div>
      <span className="you">
        {participant.displayName}{" "}
        <span className={`role-tag role-${participant.role}`}>{roleLabel(participant.role)}</span>
      </span>
    </div>
  );

  return (
    <Layout title={workshop.title} header={header}>
      {finalClose && <ClosedNotice close={finalClose} onForget={onForget} />}
      <div className="room-head">
        <h1>{workshop.title}</h1>
        {workshop.subject && <p className="subject">{workshop.subject}</p>}
      </div>
      {!finalClose && <PresenceBar people={people} selfId={participant.id} />}
      <div className={canFacilitate(participant.role) ? "room-grid" : "room-grid single"}>
        <ParticipantList participants={participants} presentIds={presentIds} />
        {canFacilitate(participant.role) && (
          <InvitePanel token={token} workshopId={workshop.id} joinCount={participants.length} />
        )}
      </div>
    </Layout>
  );
}
