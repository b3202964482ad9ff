/** `aitracks pricing refresh`: keep the compute price catalog true to the clouds' public price APIs. */
export { refreshCatalog, readCatalogFile, DEFAULT_MAX_CHANGE, type RefreshOptions, type RefreshResult, type CloudSummary } from "./refresh";
export { RefreshError, type SourceQuote, type NotFound, type CloudQuotes, type ProgressEvent } from "./types";
export { applyQuotes, changeFactor, serializeCatalog, preserveNumberLiterals, type PriceChange, type PriceConfirmed, type RawCatalog } from "./apply";
export { writeFileAtomic } from "./write";
export { StreamingJsonScanner, JsonStreamError, type JsonScanHandlers } from "./json-stream";
export { redactUrl, parseRetryAfter, HTTP_DEFAULTS } from "./http";
export { AZURE_SKU_MAP, AZURE_PRICES_URL, azureFilter, type AzureMapping } from "./azure";
export { AWS_SKU_MAP, AWS_PRICES_URL, awsOfferUrl, type AwsMapping } from "./aws";
export { GCP_SKU_MAP, GCP_BILLING_URL, GCP_SERVICES, GCP_API_KEY_ENV, GCP_NO_KEY_MESSAGE, type GcpPart } from "./gcp";
