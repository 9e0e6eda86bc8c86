/** The client's test handle (client/sync/testHandle.ts), as page scripts in the browser tests see it. */
import type { TestHandle } from "../../client/sync/testHandle";

declare global {
  interface Window {
    __riskroom?: TestHandle;
  }
}
