import type { CostModule } from "../../module";
import { catalogEntry, monthly } from "../../price";

/** GB of experiment logs a TensorBoard instance holds. */
export const TENSORBOARD_GB = 1;

/** Vertex AI TensorBoard: GB-months of stored experiment data; TENSORBOARD_GB assumed. */
export const tensorboard: CostModule = {
  service: "Vertex AI TensorBoard",
  price(_r, ctx) {
    return { components: [monthly(catalogEntry(ctx, "vertex-tensorboard", "TensorBoard price"), `experiment data (${TENSORBOARD_GB} GB assumed)`, TENSORBOARD_GB)], notes: [`${TENSORBOARD_GB} GB of logs assumed`] };
  },
};
