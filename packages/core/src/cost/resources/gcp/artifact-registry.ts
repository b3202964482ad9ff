import type { CostModule } from "../../module";
import { catalogEntry, monthly } from "../../price";
import { CONTAINER_IMAGE_GB } from "../aws/ecr-repository";

/** Artifact Registry repository: GB-months of images; one CONTAINER_IMAGE_GB image assumed. */
export const artifactRegistryRepository: CostModule = {
  service: "Artifact Registry",
  price(_r, ctx) {
    return { components: [monthly(catalogEntry(ctx, "artifact-registry-storage", "image storage price"), `image storage (${CONTAINER_IMAGE_GB} GB image assumed)`, CONTAINER_IMAGE_GB)], notes: [`one ${CONTAINER_IMAGE_GB} GB image assumed`] };
  },
};
