export { AitracksProvider } from "./provider";
export { packageSchema, SERVED, argsSchema, componentClass, inputJsonSchema, type ServedComponent } from "./schema";
