/** `POST /api/workshops/:id/snapshots/:snapshotId/new-workshop`: a new workshop from one snapshot. */
import { z } from "zod";
import { MAX_NAME_LENGTH } from "./limits";

export const newWorkshopFromSnapshotBody = z.strictObject({
  /** A title for the new workshop; the snapshot's title when omitted. */
  title: z.string().trim().min(1, "must not be empty").max(200).optional(),
  /** The caller's display name in the new workshop; "Facilitator" when omitted. */
  displayName: z.string().trim().min(1, "must not be empty").max(MAX_NAME_LENGTH).optional(),
});
export type NewWorkshopFromSnapshotBody = z.infer<typeof newWorkshopFromSnapshotBody>;
