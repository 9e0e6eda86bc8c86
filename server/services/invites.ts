/** Invite links: made by facilitators, used to join, revoked with every session they opened. */
import type {
  CreateInviteBody,
  CreateInviteResponse,
  InvitePreviewBody,
  InvitePreviewResponse,
  InviteView,
  JoinBody,
  JoinResponse,
} from "../../shared/api";
import { writeParticipant } from "../../shared/controlDoc";
import { CloseCode } from "../../shared/limits";
import { canFacilitate } from "../../shared/roles";
import { ApiError, forbidden, notFound } from "../http/errors";
import type { InviteRecord, MetaStore } from "../store/metaStore";
import type { SyncServer } from "../sync/syncServer";
import type { ControlProjection } from "./controlProjection";
import { presentInvite, presentParticipant, presentWorkshop } from "./presenters";
import { issueSession } from "./sessionIssuer";
import type { SessionContext } from "./sessions";
import { hashToken, newId, newToken } from "./tokens";

export interface InviteServiceDeps {
  store: MetaStore;
  control: ControlProjection;
  sync: () => SyncServer;
  sessionTtlMs: number;
}

export class InviteService {
  constructor(private readonly deps: InviteServiceDeps) {}

  async create(ctx: SessionContext, body: CreateInviteBody, linkBase: string): Promise<CreateInviteResponse> {
    requireFacilitator(ctx);
    if (body.expiresAt && Date.parse(body.expiresAt) <= Date.now()) {
      throw new ApiError(400, "invalid_input", "expiresAt must be in the future", {
        expiresAt: ["must be in the future"],
      });
    }
    const { store } = this.deps;
    const token = newToken();
    const now = new Date().toISOString();
    const invite: InviteRecord = {
      id: newId(),
      workshopId: ctx.workshop.id,
      role: body.role,
      ...(body.label ? { label: body.label } : {}),
      tokenHash: hashToken(token),
      createdAt: now,
      createdBy: ctx.participant.id,
      ...(body.expiresAt ? { expiresAt: new Date(body.expiresAt).toISOString() } : {}),
      ...(body.maxUses ? { maxUses: body.maxUses } : {}),
      uses: 0,
    };
    store.addInvite(invite);
    store.audit({
      at: now,
      workshopId: ctx.workshop.id,
      actor: ctx.participant.id,
      action: "invite.create",
      target: invite.id,
    });
    await store.commit();
    // The token travels in the fragment, which browsers never send to a server.
    return { invite: presentInvite(invite), token, url: `${linkBase}/join#${token}` };
  }

  list(ctx: SessionContext): { invites: InviteView[] } {
    requireFacilitator(ctx);
    return { invites: this.deps.store.invitesOf(ctx.workshop.id).map(presentInvite) };
  }

  /** Revokes the invite, every session it opened, and closes their sockets now. */
  async revoke(ctx: SessionContext, inviteId: string): Promise<{ invite: InviteView }> {
    requireFacilitator(ctx);
    const { store, control } = this.deps;
    const invite = store.invite(inviteId);
    if (!invite || invite.workshopId !== ctx.workshop.id) throw notFound("invite");
    if (invite.revokedAt) return { invite: presentInvite(invite) };
    const now = new Date().toISOString();
    invite.revokedAt = now;
    const sessions = store.sessionsOfInvite(invite.id);
    for (const s of sessions) s.revokedAt = now;
    this.deps.sync().closeWhere((id) => id.inviteId === invite.id, CloseCode.forbidden, "invite revoked");
    const participants = store.participantsOf(ctx.workshop.id).filter((p) => p.inviteId === invite.id);
    for (const p of participants) p.revokedAt = now;
    store.audit({
      at: now,
      workshopId: ctx.workshop.id,
      actor: ctx.participant.id,
      action: "invite.revoke",
      target: invite.id,
    });
    await store.commit();
    await control.write(ctx.workshop.id, (doc) => {
      for (const p of participants) writeParticipant(doc, presentParticipant(p));
    });
    return { invite: presentInvite(invite) };
  }

  /**
   * What a usable invite leads to (the workshop's title and subject, the role), for the join page
   * to show before asking for a name. Refused exactly as joining would be, so a revoked, expired,
   * used-up or unknown link learns nothing more than joining with it would tell.
   */
  preview(body: InvitePreviewBody): InvitePreviewResponse {
    const { invite, workshop } = this.usable(body.inviteToken);
    return {
      workshop: { title: workshop.title, ...(workshop.subject ? { subject: workshop.subject } : {}) },
      role: invite.role,
    };
  }

  private usable(inviteToken: string) {
    const { store } = this.deps;
    const invite = store.inviteByHash(hashToken(inviteToken));
    if (!invite) throw new ApiError(401, "invite_invalid", "this invite link is not valid");
    if (invite.revokedAt) throw new ApiError(410, "invite_revoked", "this invite link was revoked");
    if (invite.expiresAt && Date.parse(invite.expiresAt) <= Date.now())
      throw new ApiError(410, "invite_expired", "this invite link has expired");
    if (invite.maxUses !== undefined && invite.uses >= invite.maxUses)
      throw new ApiError(410, "invite_used_up", "this invite link has been used as often as allowed");
    const workshop = store.workshop(invite.workshopId);
    if (!workshop) throw notFound("workshop");
    return { invite, workshop };
  }

  async join(body: JoinBody): Promise<JoinResponse> {
    const { store, control, sessionTtlMs } = this.deps;
    const { invite, workshop } = this.usable(body.inviteToken);
    invite.uses += 1;
    const { token, participant } = issueSession(store, {
      workshopId: workshop.id,
      displayName: body.displayName,
      role: invite.role,
      sessionTtlMs,
      inviteId: invite.id,
    });
    store.audit({
      at: participant.joinedAt,
      workshopId: workshop.id,
      actor: participant.id,
      action: "participant.join",
      target: invite.id,
    });
    await store.commit();
    await control.write(workshop.id, (doc) => writeParticipant(doc, presentParticipant(participant)));
    return {
      workshop: presentWorkshop(workshop),
      session: { token, participant: presentParticipant(participant) },
    };
  }
}

function requireFacilitator(ctx: SessionContext): void {
  if (!canFacilitate(ctx.participant.role)) throw forbidden("only a facilitator may manage invites");
}
