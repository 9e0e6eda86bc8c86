/**
 * The import directions hold by the tools, not by habit: each forbidden import, written into a
 * temporary copy of the configuration, is refused by Biome (every direction) and by the TypeScript
 * projects (shared/ sees neither Node's nor the DOM's types).
 */
import { execFile } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, "../..");
const bin = (name: string) => path.join(root, "node_modules", ".bin", name);

let copy: string;

/** A fresh copy of the configuration (no source files) for each describe block, so none sees another's probes. */
function freshCopy(): void {
  beforeAll(() => {
    copy = mkdtempSync(path.join(tmpdir(), "riskroom-layers-"));
    for (const file of ["biome.json", "tsconfig.base.json"])
      cpSync(path.join(root, file), path.join(copy, file));
    for (const dir of ["shared", "server", "client"]) {
      mkdirSync(path.join(copy, dir));
      cpSync(path.join(root, dir, "tsconfig.json"), path.join(copy, dir, "tsconfig.json"));
    }
    cpSync(path.join(root, "shared", "platform.d.ts"), path.join(copy, "shared", "platform.d.ts"));
    symlinkSync(path.join(root, "node_modules"), path.join(copy, "node_modules"));
  });
  afterAll(() => rmSync(copy, { recursive: true, force: true }));
}

/** Runs a tool in the copy and returns its output if it failed, or null if it passed. */
async function failure(cmd: string, args: string[]): Promise<string | null> {
  try {
    await run(cmd, args, { cwd: copy });
    return null;
  } catch (err) {
    const { stdout = "", stderr = "" } = err as { stdout?: string; stderr?: string };
    return stdout + stderr;
  }
}

function probe(file: string, source: string): string {
  writeFileSync(path.join(copy, file), source);
  return file;
}

describe("Biome refuses an import across the layers", () => {
  freshCopy();
  const cases: Array<[string, string, string]> = [
    ["shared/probe1.ts", 'import { ApiError } from "../server/http/errors";', "imports neither"],
    ["shared/probe2.ts", 'import { parseRoute } from "../client/router";', "imports neither"],
    ["shared/probe3.ts", 'import { createHash } from "node:crypto";', "no Node.js modules"],
    ["shared/probe4.ts", 'import { useState } from "react";', "no React"],
    ["client/probe5.ts", 'import { MetaStore } from "../server/store/metaStore";', "never imports server/"],
    ["client/probe6.ts", 'import { readFileSync } from "node:fs";', "no Node.js modules"],
    ["server/probe7.ts", 'import { parseRoute } from "../client/router";', "never imports client/"],
  ];
  it.each(cases)("%s: %s", async (file, line, message) => {
    const name = probe(file, `${line}\nexport const used = [${line.match(/\{ (\w+) \}/)?.[1]}];\n`);
    const out = await failure(bin("biome"), ["lint", "--vcs-enabled=false", name]);
    expect(out).toContain("noRestrictedImports");
    expect(out).toContain(message);
  });

  it("passes an allowed import, so the refusals above are the rule's and not a broken set-up", async () => {
    const name = probe(
      "server/allowed.ts",
      'import { CloseCode } from "../shared/limits";\nexport { CloseCode };\n',
    );
    expect(await failure(bin("biome"), ["lint", "--vcs-enabled=false", name])).toBeNull();
  });
});

describe("TypeScript gives shared/ neither Node's nor the DOM's types", () => {
  freshCopy();
  const tscShared = () =>
    failure(bin("tsc"), [
      "-p",
      "shared/tsconfig.json",
      "--outDir",
      path.join(copy, "out"),
      "--tsBuildInfoFile",
      path.join(copy, "out", "shared.tsbuildinfo"),
    ]);

  it("compiles a pure module", async () => {
    probe("shared/pure.ts", "export const bytes = crypto.getRandomValues(new Uint8Array(4));\n");
    const out = await tscShared();
    rmSync(path.join(copy, "shared/pure.ts"));
    expect(out).toBeNull();
  });

  it.each([
    [
      "shared/node.ts",
      'import { createHash } from "node:crypto";\nexport const h = createHash;\n',
      "node:crypto",
    ],
    ["shared/process.ts", "export const env = process.env;\n", "process"],
    ["shared/dom.ts", "export const title = document.title;\n", "document"],
  ])("%s does not compile", async (file, source, name) => {
    probe(file, source);
    const out = await tscShared();
    rmSync(path.join(copy, file));
    expect(out).toContain(name);
    expect(out).toMatch(/error TS\d+/);
  });
});
