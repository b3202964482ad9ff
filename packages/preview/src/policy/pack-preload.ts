/**
 * Preloaded (`node --require`) into the policy pack process the analyzer engine starts: the pack's
 * @pulumi/pulumi loads TypeScript only if a policy serializes a closure (lazy-typescript.ts).
 */
import { deferTypeScript } from "../lazy-typescript";

deferTypeScript([process.cwd()]);
