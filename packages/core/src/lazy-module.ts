/**
 * Modules a dependency loads eagerly for a feature a command rarely uses, deferred to first use:
 * a stand-in goes into the require cache before the dependency is loaded, and the real module is
 * loaded the first time anything is read from the stand-in. Behaviour is unchanged; only when the
 * cost is paid moves.
 */
import Module from "node:module";
import { dirname } from "node:path";

type Cache = Record<string, Module | undefined>;

/**
 * Put a stand-in for the module at `file` (an absolute path) in the require cache, unless the
 * module is loaded already. `esModule`: the answer to `__esModule` without loading (TypeScript's
 * `__importStar` and `__importDefault` ask it at import time). `callable`: the module exports a
 * function; calling the stand-in loads the module and calls it.
 */
export function deferModule(file: string, opts: { readonly esModule?: boolean; readonly callable?: boolean } = {}): void {
  const cache = require.cache as Cache;
  if (cache[file]) return;
  let real: Record<string | symbol, unknown> | undefined;
  const load = () => {
    if (!real) {
      const m = new Module(file, module) as Module & { load(file: string): void; paths: string[] };
      m.filename = file;
      m.paths = (Module as unknown as { _nodeModulePaths(dir: string): string[] })._nodeModulePaths(dirname(file));
      m.load(file);
      real = m.exports as Record<string | symbol, unknown>;
    }
    return real;
  };
  const stand = new Module(file, module);
  stand.filename = file;
  stand.loaded = true;
  stand.exports = new Proxy(opts.callable ? () => undefined : {}, {
    get: (_t, k) => (opts.esModule !== undefined && k === "__esModule" && !real ? opts.esModule : load()[k]),
    apply: (_t, self, args) => Reflect.apply(load() as unknown as (...a: unknown[]) => unknown, self, args),
    has: (_t, k) => k in load(),
    ownKeys: () => Reflect.ownKeys(load()),
    getOwnPropertyDescriptor: (_t, k) => {
      const d = Reflect.getOwnPropertyDescriptor(load(), k);
      return d && { ...d, configurable: true };
    },
  });
  cache[file] = stand;
}

/**
 * zod's main entry loads its 64 locale modules for `z.locales`, which aitracks never reads (error
 * messages are its own; the English default is loaded directly): about 45 ms of CPU in every
 * process that loads the schemas. Call before zod is first loaded; the zod is the one this package
 * uses.
 */
export function deferZodLocales(): void {
  let file: string;
  try {
    file = require.resolve("zod/v4/locales/index.cjs");
  } catch {
    return; // another zod layout: it loads as it always does
  }
  deferModule(file, { esModule: true });
}
