import type { CostModule } from "../../module";
import { catalogEntry, usage } from "../../price";
import { LOG_RECORD_OVERHEAD_BYTES } from "../../storage";

const DIAGNOSTIC_SETTINGS = ["azure-native:insights:DiagnosticSetting", "azure-native:monitor:DiagnosticSetting"];

/**
 * Log Analytics workspace: ingestion per GB. Diagnostic settings that send request logs here
 * (Azure OpenAI's RequestResponse category: metadata, not prompts) are sized at one record of
 * LOG_RECORD_OVERHEAD_BYTES per request of the workload; with none, nothing is counted.
 */
export const logAnalyticsWorkspace: CostModule = {
  service: "Azure Monitor Logs",
  price(r, ctx) {
    const senders = DIAGNOSTIC_SETTINGS.flatMap((t) => ctx.graph.dependentsOfType(r, t));
    if (senders.length === 0) return { components: [], free: "no diagnostic setting the workload can size sends logs here (ingestion is billed per GB)" };
    const gb = (ctx.usage.requestsPerMonth * senders.length * LOG_RECORD_OVERHEAD_BYTES) / 1e9;
    return {
      components: [usage(catalogEntry(ctx, "log-analytics-ingest", "ingestion price"), `request logs from ${senders.length} diagnostic setting${senders.length === 1 ? "" : "s"}`, gb)],
      notes: ["one 1 KB record per request per diagnostic setting"],
    };
  },
};
