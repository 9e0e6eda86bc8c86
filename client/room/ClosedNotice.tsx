import { CloseCode } from "../../shared/limits";
import type { FinalClose } from "../sync/docConnection";

const EXPLANATIONS: Record<number, { title: string; body: string }> = {
  [CloseCode.unauthorized]: {
    title: "Your session has ended",
    body: "It expired or is no longer known to this server. Ask a facilitator for a new invite link.",
  },
  [CloseCode.forbidden]: {
    title: "Your access was revoked",
    body: "A facilitator revoked the invite you joined with. Ask them for a new link if this is a mistake.",
  },
  [CloseCode.notFound]: {
    title: "This workshop does not exist",
    body: "The server has no workshop at this address. Check the link, or start a new workshop.",
  },
  [CloseCode.tooLarge]: {
    title: "The server refused an edit",
    body: "An edit from this browser is larger than the server accepts. Edits made since the last one the server took are kept only here; copy out what you need, then remove this workshop from this browser and open the link again.",
  },
  [CloseCode.tooManyPending]: {
    title: "The server refused an edit",
    body: "An edit from this browser depends on changes the server never received. Copy out what you need, then remove this workshop from this browser and open the link again.",
  },
  [CloseCode.documentFull]: {
    title: "This workshop's document is full",
    body: "It has reached the size this server allows, so the server takes no more edits in it. Its operator sets that size (MAX_DOC_BYTES).",
  },
};

/** Why the server closed the room for good, and what the person can do about it. */
export function ClosedNotice({ close, onForget }: { close: FinalClose; onForget: () => void }) {
  const explanation = EXPLANATIONS[close.code] ?? {
    title: "The server closed the connection",
    body: "Reload the page to try again.",
  };
  return (
    <div className="notice notice-error" role="alert">
      <h2>{explanation.title}</h2>
      <p>{explanation.body}</p>
      <p>
        <strong>The room is now read-only</strong>: nothing typed from now on would be saved. What is on the
        screen stays here for you to select and copy.
      </p>
      {close.reason && (
        <p className="muted">
          Server said: “{close.reason}” (code {close.code})
        </p>
      )}
      <button type="button" onClick={onForget}>
        Remove this workshop from this browser
      </button>
    </div>
  );
}
