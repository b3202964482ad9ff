/** The Azure cells of the cloud mapping: one component per track, and the Azure OpenAI dynamic resources. */
export * from "./build";
export * from "./buy";
export * from "./evaluation";
export * from "./fine-tune";
export * from "./serving";
export * from "./dynamic";
