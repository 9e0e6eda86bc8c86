/**
 * Browser tests act on the live documents the way a hostile page script could, through
 * `window.__riskroom`. It exists only when localStorage holds `riskroom.e2e = "1"` (the browser
 * tests set it before the page loads); an ordinary session never has it.
 */
import type { Awareness } from "y-protocols/awareness";
import type * as Y from "yjs";

export interface TestHandle {
  content: Y.Doc;
  control: Y.Doc;
  awareness: Awareness;
  /** Closes both documents' sockets from this side, as a dropped network would end them. */
  dropSockets(): void;
}

declare global {
  interface Window {
    __riskroom?: TestHandle;
  }
}

function testFlagSet(): boolean {
  try {
    return localStorage.getItem("riskroom.e2e") === "1";
  } catch {
    return false;
  }
}

/** Exposes `handle` while the room is open, under the test flag only; returns the undo. */
export function exposeForTests(handle: TestHandle): () => void {
  if (!testFlagSet()) return () => {};
  window.__riskroom = handle;
  return () => {
    if (window.__riskroom === handle) delete window.__riskroom;
  };
}
