/**
 * The aitracks Pulumi program. It reads the stack's `aitracks:*` config, validates all of it
 * before registering anything, and provisions each track through the cloud mapping.
 *
 *   pulumi up --stack buy-aws             (the Pulumi CLI runs the compiled bin/index.js)
 *   npx aitracks preview --stack buy-aws  (offline: the same program under mocks)
 */
// The provisioning entry alone: each cloud's components load when a track uses that cloud.
import { provisionStack, readStackSpec } from "@aitracks/components/provision";

const spec = readStackSpec();
const stack = provisionStack(spec);

/** Per track: endpoints, model ids, bucket names and the other values an application needs. */
export const tracks = stack.outputs;

/** The estimated cost (monthly, one-off, three years), from the same cost model as `aitracks cost`. */
export const estimatedCost = stack.estimate;
