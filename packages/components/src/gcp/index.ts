/** The GCP column of the cloud mapping: one component per track, plus the shared pieces and dynamic providers. */
export * from "./build";
export * from "./buy";
export * from "./evaluation";
export * from "./fine-tune";
export * from "./serving";
export * from "./shared";
export * from "./dynamic";
