/**
 * Builds the whole server without listening: store, sync layer, services and routes. Every
 * registry lives inside the returned app, so tests can run several side by side.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { serveStatic } from "@hono/node-server/serve-static";
import { createNodeWebSocket, type NodeWebSocket } from "@hono/node-ws";
import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { MAX_JSON_BODY_BYTES } from "../shared/limits";
import type { Config } from "./config";
import { DomainError } from "./domainErrors";
import { creationGate } from "./http/creation";
import { errorFor } from "./http/errors";
import { createRateLimits, mountRateLimits } from "./http/rateLimits";
import { securityHeaders } from "./http/securityHeaders";
import { auditRoutes } from "./routes/audit";
import { conditionRoutes } from "./routes/conditions";
import { estimationRoutes } from "./routes/estimation";
import { exportRoutes } from "./routes/export";
import { incidentRoutes } from "./routes/incidents";
import { inviteRoutes } from "./routes/invites";
import { modelRoutes } from "./routes/models";
import { roomControlRoutes } from "./routes/roomControl";
import { scenarioDissentRoutes } from "./routes/scenarioDissent";
import { snapshotRoutes } from "./routes/snapshots";
import { socketRoutes } from "./routes/sockets";
import { timelineRoutes } from "./routes/timelines";
import { workshopRoutes } from "./routes/workshops";
import type { Services, Site } from "./services";
import { AuditService } from "./services/audit";
import { ConditionService } from "./services/conditions";
import { ContentReader } from "./services/contentReader";
import { ControlProjection } from "./services/controlProjection";
import { DeterminationService } from "./services/determinations";
import { ExportService, registryDocs } from "./services/exporter";
import { FrameworkService } from "./services/framework";
import { ImportService } from "./services/importer";
import { IncidentService } from "./services/incidents";
import { InviteService } from "./services/invites";
import { modelOverview } from "./services/modelOverview";
import { ModelReportService } from "./services/modelReports";
import { ModelService } from "./services/models";
import { RoomControlService } from "./services/roomControl";
import { RoundService, type RoundServiceOptions } from "./services/rounds";
import { ScenarioDissentService } from "./services/scenarioDissent";
import { SnapshotRoomService } from "./services/snapshotRoom";
import { SnapshotService } from "./services/snapshots";
import { TimelineService } from "./services/timelines";
import { WorkshopService } from "./services/workshops";
import { openStores } from "./store";
import { openBus } from "./sync/busFactory";
import { HookList, type ServerHook } from "./sync/hooks";
import { RoomRegistry } from "./sync/registry";
import { SyncServer } from "./sync/syncServer";

export interface AppDeps {
  config: Config;
  /** Extra hooks (logging, tests), run after the server's own. */
  hooks?: ServerHook[];
}

export interface RiskroomApp {
  app: Hono;
  /** Origins allowed to open websockets; the listener adds the server's own once it knows its port. */
  allowedOrigins: Set<string>;
  /** Where the app is reached; the listener fills it in when PUBLIC_URL is not set. */
  site: Site;
  services: Services;
  websocket: NodeWebSocket;
  /** Closes every socket and stores every document. */
  shutdown(): Promise<void>;
}

export async function createApp({ config, hooks: extra = [] }: AppDeps): Promise<RiskroomApp> {
  const stores = await openStores(config);
  const { meta } = stores;
  const site = { publicUrl: config.publicUrl, publicUrlSet: config.publicUrlSet };
  // Filled in below, in order: the bus, the control projection, the automatic snapshot, then extras.
  const hooks = new HookList();
  const registry = new RoomRegistry({
    persistence: stores.docs,
    compactAfterBytes: config.compactAfterBytes,
    maxDocBytes: config.maxDocBytes,
    limits: config.sync,
    hooks,
  });
  const sync = new SyncServer(registry, hooks, config.sync, config.maxMessageBytes);
  const bus = await openBus(config, { registry, sockets: sync, persistence: stores.docs }).catch(
    async (err: unknown) => {
      await stores.close();
      throw err;
    },
  );
  hooks.add(bus.hook);
  const control = new ControlProjection(meta, registry);
  hooks.add(control.hook);
  const content = new ContentReader(registry);
  const scenarioDissent = new ScenarioDissentService(meta, control, content);
  // After the projection's reconcile: notes written before server-side dissent are taken over once.
  hooks.add({ afterLoad: ({ room }) => scenarioDissent.takeOver(room) });
  const timelines = new TimelineService(meta, stores.timelines, control, registry);
  hooks.add({ afterLoad: ({ room }) => timelines.reconcile(room) });
  const frameworks = new FrameworkService(meta, control);
  const rounds = new RoundService(meta, control, content, hooks, testPauses(config));
  const snapshots = new SnapshotService({
    meta,
    blobs: stores.blobs,
    control,
    registry,
    maxDocBytes: config.maxDocBytes,
  });
  const incidents = new IncidentService(meta, control, content, config.incidents);
  hooks.add({
    afterRoundChange: async ({ round, event, by }) => {
      // A reveal may clear re-estimate flags; projected first, so the automatic snapshot shows it.
      if (event === "revealed") await incidents.project(round.workshopId);
      await snapshots.take(round.workshopId, `Round ${round.number} ${event}`, by, true);
    },
  });
  for (const hook of extra) hooks.add(hook);
  const services: Services = {
    site,
    meta,
    control,
    workshops: new WorkshopService({ meta, control, sessionTtlMs: config.sessionTtlMs }),
    invites: new InviteService({
      meta,
      control,
      bus,
      sessionTtlMs: config.sessionTtlMs,
    }),
    room: new RoomControlService(meta, control),
    frameworks,
    rounds,
    determinations: new DeterminationService(meta, control, content),
    snapshots,
    exporter: new ExportService({ meta, snapshots, readDocs: registryDocs(registry) }),
    importer: new ImportService(() => services, config.maxDocBytes),
    incidents,
    audit: new AuditService(meta),
    scenarioDissent,
  };

  const allowedOrigins = new Set(config.allowedOrigins);
  const app = new Hono();
  const websocket = createNodeWebSocket({ app });
  // ws closes frames over this size with 1009 before they reach the protocol.
  websocket.wss.options.maxPayload = config.maxMessageBytes;

  app.onError((err, c) => errorFor(c, err));

  app.use("*", securityHeaders());
  const limits = createRateLimits(config);
  mountRateLimits(app, limits);
  const creation = creationGate(config);
  const api = new Hono();
  api.use(
    bodyLimit({
      maxSize: MAX_JSON_BODY_BYTES,
      onError: () => {
        throw new DomainError("too_large", `request bodies are limited to ${MAX_JSON_BODY_BYTES} bytes`);
      },
    }),
  );
  api.route("/", workshopRoutes(services, creation));
  api.route("/", inviteRoutes(services));
  api.route("/", roomControlRoutes(services));
  api.route("/", estimationRoutes(services));
  api.route("/", incidentRoutes(services));
  api.route("/", snapshotRoutes(services, creation));
  api.route("/", auditRoutes(services));
  api.route("/", scenarioDissentRoutes(services));
  const conditions = new ConditionService(meta, registry, control);
  const snapshotRoom = new SnapshotRoomService(services);
  api.route("/", conditionRoutes(services, conditions));
  api.route("/", timelineRoutes(services, timelines));
  api.route(
    "/",
    modelRoutes(
      new ModelService({
        meta,
        models: stores.models,
        snapshots,
        conditions,
        maxWorkshops: config.models.maxWorkshops,
      }),
      new ModelReportService({
        models: stores.models,
        exporter: services.exporter,
        snapshots,
        maxVersions: config.models.maxReportVersions,
      }),
      creation,
      (model) =>
        modelOverview({ meta, registry, conditions, history: (id) => snapshotRoom.history(id) }, model),
    ),
  );
  api.all("*", () => {
    throw new DomainError("not_found", "no such API route");
  });
  // Before `api`, whose 1 MiB body limit would refuse most imports.
  app.route("/api", exportRoutes(services, creation));
  app.route("/api", api);
  app.route(
    "/",
    socketRoutes({
      meta,
      sync,
      upgradeWebSocket: websocket.upgradeWebSocket,
      allowedOrigins,
      limits,
    }),
  );
  mountClient(app, config.clientDir);

  return {
    app,
    allowedOrigins,
    site,
    services,
    websocket,
    async shutdown() {
      await sync.shutdown();
      await bus.close();
      await stores.close();
    },
  };
}

/**
 * Test only: RISKROOM_TEST_PAUSE_AT=reveal-commit makes a reveal stop for good between its
 * metadata commit and its projection, saying so on stdout, so a test can kill the process there.
 */
function testPauses(config: Config): RoundServiceOptions {
  if (config.testPauseAt !== "reveal-commit") return {};
  return {
    afterRevealCommit: () => {
      console.log("paused at reveal-commit");
      return new Promise<void>(() => {});
    },
  };
}

/** Serves the built client, with the SPA's index.html for its own routes. */
function mountClient(app: Hono, clientDir: string): void {
  const index = path.join(clientDir, "index.html");
  if (!existsSync(index)) {
    app.get("/", (c) =>
      c.text("The client is not built. Run `npm start` (it builds it) or `npm run dev`.", 503),
    );
    return;
  }
  app.use("/*", serveStatic({ root: clientDir }));
  app.get("*", serveStatic({ path: index }));
}
