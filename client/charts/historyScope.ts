import { createContext } from "react";

/**
 * The snapshot a frozen room shows, if any. Its own control document lists only the snapshots taken
 * before it, yet its history must end at its own point; the live room provides null.
 */
export const HistoryScopeContext = createContext<string | null>(null);
