/**
 * The TCO model: three-year cost of buy, fine-tune and build for one workload, with Monte Carlo
 * ranges and the volumes at which the cheapest option changes. Pure functions over a resolved
 * model (resolve.ts); prices come from @pydantic/genai-prices and the compute catalog.
 */
export * from "./breakdown";
export * from "./defaults";
export * from "./params";
export * from "./rng";
export * from "./resolve";
export * from "./options/common";
export * from "./options/buy";
export * from "./options/fine-tune";
export * from "./options/build";
export * from "./project";
export * from "./montecarlo";
export * from "./crossover";
export * from "./report";
