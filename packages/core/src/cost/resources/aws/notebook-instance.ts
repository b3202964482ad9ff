import type { CostModule } from "../../module";
import { instances, optStr, str } from "../../price";

/** SageMaker notebook instance: its instance type, always on (stop it and it costs nothing but storage). */
export const notebookInstance: CostModule = {
  service: "SageMaker notebooks",
  instances: (r) => (optStr(r.inputs.instanceType) ? [r.inputs.instanceType as string] : []),
  price(r, ctx) {
    const { component, notes } = instances(ctx, str(r.inputs.instanceType, "instanceType"), "instanceType", 1);
    return { components: [component], notes: [...notes, "priced always on"] };
  },
};
