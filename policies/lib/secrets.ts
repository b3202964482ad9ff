/**
 * Which property values are Pulumi secrets. The policy runtime unwraps secrets to their plain
 * values, so a policy cannot tell `password: "hunter2"` from `password: pulumi.secret(...)`
 * (pulumi/pulumi-policy#241). The engine does send the distinction; `engine-shim.ts` records it
 * on the deserialized properties under SECRET_PATHS, and the offline runners attach the same.
 */
export const SECRET_PATHS: unique symbol = Symbol.for("aitracks.policy.secretPaths") as never;
/** How the offline engine writes a secret value into the resource graph. */
export const SECRET_MARK = "[secret]";
/** The wire signature of a secret (Pulumi's `specialSigKey` / `specialSecretSig`). */
export const SIG_KEY = "4dabf18193072939515e22adb298388d";
export const SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";

/** `a.b[0].c` paths of the secret values in a wire-form property object. */
export function secretPathsOf(wire: unknown): string[] {
  const out: string[] = [];
  const walk = (v: unknown, path: string) => {
    if (Array.isArray(v)) v.forEach((x, i) => walk(x, `${path}[${i}]`));
    else if (v && typeof v === "object") {
      const o = v as Record<string, unknown>;
      if (o[SIG_KEY] === SECRET_SIG) {
        out.push(path);
        return;
      }
      for (const [k, x] of Object.entries(o)) walk(x, path ? `${path}.${k}` : k);
    }
  };
  walk(wire, "");
  return out;
}

/** Attach secret paths to deserialized properties (non-enumerable: invisible to JSON and loops). */
export function attachSecretPaths<T extends object>(props: T, paths: readonly string[]): T {
  if (paths.length) Object.defineProperty(props, SECRET_PATHS, { value: [...paths], enumerable: false, configurable: true });
  return props;
}

/** The secret paths recorded on a resource's properties (empty when none, or when no engine told us). */
export function secretPathsOfProps(props: object): Set<string> {
  const v = (props as Record<symbol, unknown>)[SECRET_PATHS];
  return new Set(Array.isArray(v) ? (v as unknown[]).map(String) : []);
}
