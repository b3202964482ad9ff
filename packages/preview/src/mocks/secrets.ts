/**
 * Secrets under mocks, kept as the Pulumi engine keeps them. The mock monitor hands the mocks
 * inputs with secrets in their wire form (`{[specialSigKey]: specialSecretSig, value}`, pushed up
 * to the top-level input that holds them) and serialises whatever the mocks return, wire-form
 * secrets included, back to the program — so a mock output returned in that form resolves to a
 * secret Output, exactly as a provider's secret output does.
 */

/** The wire constants of `@pulumi/pulumi/runtime/rpc` (public API), from the program's own copy. */
export interface Rpc {
  readonly specialSigKey: string;
  readonly specialSecretSig: string;
  readonly unknownValue: string;
}

export function isSecret(v: unknown, rpc: Rpc): v is { value: unknown } {
  return !!v && typeof v === "object" && (v as Record<string, unknown>)[rpc.specialSigKey] === rpc.specialSecretSig;
}

export function wrapSecret(v: unknown, rpc: Rpc): unknown {
  return isSecret(v, rpc) ? v : { [rpc.specialSigKey]: rpc.specialSecretSig, value: v };
}

/** Inputs with secrets unwrapped (the mocks compute from plain values), and the top-level keys that were secret. */
export function unwrapSecrets(inputs: unknown, rpc: Rpc): { value: Record<string, unknown>; secretKeys: string[] } {
  const secretKeys: string[] = [];
  const walk = (v: unknown): unknown => {
    if (isSecret(v, rpc)) return walk(v.value);
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === "object" && Object.getPrototypeOf(v) === Object.prototype) {
      return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
    }
    return v;
  };
  const top = inputs && typeof inputs === "object" ? (inputs as Record<string, unknown>) : {};
  const value: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(top)) {
    if (isSecret(v, rpc)) secretKeys.push(k);
    value[k] = walk(v);
  }
  return { value, secretKeys };
}

/**
 * Mark the outputs a resource's registration asks to keep secret (`additionalSecretOutputs`) in
 * the mock monitor's response, as the engine does for a real provider's response. The response
 * object is a protobuf `Struct` of the program's own google-protobuf.
 */
export function markSecretOutputs(
  resp: { getObject(): unknown; setObject(v: unknown): void },
  names: readonly string[],
  rpc: Rpc,
): void {
  const struct = resp.getObject() as { toJavaScript(): Record<string, unknown>; constructor: { fromJavaScript(v: object): unknown } } | undefined;
  if (!names.length || !struct) return;
  const state = struct.toJavaScript();
  let changed = false;
  for (const name of names) {
    if (name in state && !isSecret(state[name], rpc)) {
      state[name] = wrapSecret(state[name], rpc);
      changed = true;
    }
  }
  if (changed) resp.setObject(struct.constructor.fromJavaScript(state));
}
