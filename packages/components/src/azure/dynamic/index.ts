/** Dynamic resources for Azure OpenAI operations that have no ARM resource. */
export * from "./fine-tuning-job";
export * from "./openai-evaluation";
export * from "./openai-file";
export { COGNITIVE_SERVICES_SCOPE, azureOpenAiClient, type DataPlaneTarget } from "./openai-client";
