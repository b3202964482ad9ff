import type { CostModule } from "../../module";
import { catalogEntry, fmt, monthly, regionNotes } from "../../price";

/** GB a training or serving container image takes (CUDA, framework, libraries). */
export const CONTAINER_IMAGE_GB = 10;

/** ECR repository: GB-months of images; one image of CONTAINER_IMAGE_GB (immutable tags keep old ones: more over time). */
export const ecrRepository: CostModule = {
  service: "Amazon ECR",
  price(_r, ctx) {
    const e = catalogEntry(ctx, "ecr-storage", "image storage price");
    return {
      components: [monthly(e, `image storage (${fmt(CONTAINER_IMAGE_GB)} GB image assumed)`, CONTAINER_IMAGE_GB)],
      notes: [`one ${CONTAINER_IMAGE_GB} GB image assumed; every kept image adds about as much`, ...regionNotes(ctx, e)],
    };
  },
};
