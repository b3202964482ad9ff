/**
 * @aitracks/components — Pulumi components for each (track, cloud) cell of the cloud mapping,
 * and the cloud-neutral entry that provisions a whole stack from its config.
 */
export * from "./cells";
export * from "./mapping";
export * from "./provision";
export * from "./common/track";
export * from "./common/errors";
export * from "./aws/buy";
export * from "./aws/serving";
export * from "./aws/evaluation";
export * from "./aws/clarify";
export { nativeTags, type NativeTag } from "./aws/shared/tags";
export * from "./aws/fine-tune";
export * from "./aws/dynamic";
export * from "./aws/build";
export * from "./azure";
export * from "./gcp";
export * from "./estimate";
