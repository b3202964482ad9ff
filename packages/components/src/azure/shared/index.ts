/** Pieces every Azure track shares: no track re-implements a resource group, key, vault, storage account or endpoint. */
export * from "./base";
export * from "./foundation";
export * from "./keyvault";
export * from "./monitoring";
export * from "./naming";
export * from "./network";
export * from "./openai";
export * from "./openai-models";
export * from "./roles";
export * from "./sizes";
export * from "./storage";
export * from "./workspace";
export * from "./assets";
export * from "./jsonl";
export * from "./jobs";
