/** The default framework, stored once in the data directory for every workshop that has not edited its own. */
import path from "node:path";
import { defaultFramework, type Framework, frameworkSchema } from "../../../shared/estimation/framework";
import { StoreCorrupt } from "../../domainErrors";
import { writeDurable } from "../durableWrite";
import { readJsonStrict } from "./durableFile";
import { deepFreeze } from "./freeze";

/** The default framework, stored once for every workshop that has not edited its own. */
export async function storedDefaultFramework(dataDir: string, readOnly: boolean): Promise<Framework> {
  const file = path.join(dataDir, "framework.default.json");
  const stored = await readJsonStrict(file);
  if (stored === null) {
    const framework = defaultFramework();
    if (!readOnly) await writeDurable(file, JSON.stringify(framework, null, 2));
    return deepFreeze(framework);
  }
  const parsed = frameworkSchema.safeParse(stored);
  if (!parsed.success) throw new StoreCorrupt(`${file} is not a valid framework: ${parsed.error.message}`);
  return deepFreeze(parsed.data);
}
