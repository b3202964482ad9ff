import { asArray, at } from "../../graph";
import { Unpriced, type CostModule } from "../../module";

/** ARM resource types a template may deploy that cost nothing themselves. */
const FREE_ARM_TYPES = new Set(["microsoft.machinelearningservices/workspaces/onlineendpoints"]);

/**
 * ARM template deployment: free itself. The resources in its template are not Pulumi resources,
 * so the cost model checks them here: free types pass, anything else makes it unpriced.
 */
export const armDeployment: CostModule = {
  service: "Azure Resource Manager deployments",
  price(r) {
    const types = asArray(at(r.inputs, "properties.template.resources")).map((x) => String(at(x, "type") ?? "?"));
    const other = types.filter((t) => !FREE_ARM_TYPES.has(t.toLowerCase()));
    if (other.length) throw new Unpriced(`the template deploys ${other.join(", ")}, which the cost model does not price`);
    if (at(r.inputs, "properties.templateLink") !== undefined) throw new Unpriced("a linked template: its resources are not in the stack to price");
    return { components: [], free: `an ARM deployment of ${types.length ? types.join(", ") : "nothing"} (no charge)` };
  },
};
