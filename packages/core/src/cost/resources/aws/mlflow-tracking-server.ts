import { Unpriced, type CostModule } from "../../module";
import { catalogEntry, HOURS, monthly, regionNotes, str } from "../../price";

/** SageMaker managed MLflow tracking server: the server size's hourly price, always on. */
export const mlflowTrackingServer: CostModule = {
  service: "SageMaker managed MLflow",
  price(r, ctx) {
    const size = str(r.inputs.trackingServerSize, "trackingServerSize", "Small");
    const sku = `sagemaker-mlflow-${size.toLowerCase()}`;
    if (!ctx.catalog.has(sku)) throw new Unpriced(`trackingServerSize ${JSON.stringify(size)}: the compute catalog has no ${sku} price`);
    const e = catalogEntry(ctx, sku, "trackingServerSize");
    return { components: [monthly(e, `${size} tracking server x ${HOURS} h`, HOURS)], notes: regionNotes(ctx, e) };
  },
};
