/** The words people read for a mitigation's kind and status. */
import { MITIGATION_KINDS, MITIGATION_STATUSES } from "../../shared/content";
import { optionsOf } from "../labels";

type Labels<T extends readonly string[]> = Record<T[number], string>;

export const MITIGATION_KIND_LABELS: Labels<typeof MITIGATION_KINDS> = {
  safety: "Safety",
  security: "Security",
};

export const MITIGATION_STATUS_LABELS: Labels<typeof MITIGATION_STATUSES> = {
  planned: "Planned",
  "in-place": "In place",
  verified: "Verified",
};

export const KIND_OPTIONS = optionsOf(MITIGATION_KINDS, MITIGATION_KIND_LABELS);
export const STATUS_OPTIONS = optionsOf(MITIGATION_STATUSES, MITIGATION_STATUS_LABELS);
