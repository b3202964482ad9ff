import type { Cloud, Track } from "@aitracks/core";
import type { Cell } from "./cells";

/** One cloud's column of the cloud mapping: a cell for every track (a missing one is a compile error). */
export type CloudColumn = Readonly<Record<Track, Cell<any>>>;

/**
 * The cloud mapping of the design, in code: each cloud's column (`<cloud>/cells.ts`), loaded the
 * first time a stack uses that cloud, so that a one-cloud stack loads only that cloud's components
 * and provider SDK (`pulumi up`, preview, cost and check alike). A missing cloud is a compile error.
 */
const COLUMNS: Readonly<Record<Cloud, () => CloudColumn>> = {
  aws: () => (require("./aws/cells") as typeof import("./aws/cells")).awsCells,
  gcp: () => (require("./gcp/cells") as typeof import("./gcp/cells")).gcpCells,
  azure: () => (require("./azure/cells") as typeof import("./azure/cells")).azureCells,
};

/** The cell that provisions this track on this cloud. */
export function cellFor(track: Track, cloud: Cloud): Cell<any> {
  return COLUMNS[cloud]()[track];
}
