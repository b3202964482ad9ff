/**
 * A small incremental JSON scanner: feed it text chunks as they arrive, and it materialises only
 * the values whose path you ask for (e.g. `products.<sku>` and `terms.OnDemand.<sku>` of an AWS
 * Price List offer file), skipping everything else without building it. Memory stays bounded by
 * the captured values, not by the document (the AWS files run to hundreds of megabytes).
 *
 * It is a strict validator of the structure it walks: bad syntax, or a document that stops before
 * its last closing brace (a truncated download), is a `JsonStreamError`.
 */

export class JsonStreamError extends Error {
  constructor(message: string, readonly offset: number) {
    super(message);
    this.name = "JsonStreamError";
  }
}

export interface JsonScanHandlers {
  /**
   * Paths at most this deep are reported to `capture` / `onEnter` (the path of a value is the keys
   * from the root down to it; array elements use their index).
   */
  readonly maxDepth: number;
  /** Whether to materialise the value at `path` and hand it to `onValue`. */
  capture(path: readonly string[]): boolean;
  onValue(path: readonly string[], value: unknown): void;
  /** Called when an object or array that is not captured starts, at depth <= maxDepth. */
  onEnter?(path: readonly string[], kind: "object" | "array"): void;
}

const enum S {
  Value,
  ArrValueOrEnd,
  ObjKeyOrEnd,
  ObjKey,
  Colon,
  CommaOrEnd,
  Str,
  Atom,
  Done,
}

interface Frame {
  readonly kind: "object" | "array";
  key: string | null;
  index: number;
  /** The container being built, when this frame is inside (or is) a captured value. */
  readonly build: Record<string, unknown> | unknown[] | undefined;
  /** Set on the frame that started a capture: its path, to report with the value. */
  readonly capturePath: readonly string[] | undefined;
}

const NUMBER = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$/;

function isWs(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}

export class StreamingJsonScanner {
  private state: S = S.Value;
  private readonly frames: Frame[] = [];
  private offset = 0;
  // String in progress.
  private strIsKey = false;
  private strKeep = false;
  private strRaw = "";
  private escapePending = false;
  // Primitive at a capture path, outside any captured container.
  private pendingCapturePath: readonly string[] | undefined;
  // Number / true / false / null in progress.
  private atom = "";

  constructor(private readonly h: JsonScanHandlers) {}

  /** Feed the next chunk of text. */
  write(chunk: string): void {
    const n = chunk.length;
    let i = 0;
    while (i < n) {
      switch (this.state) {
        case S.Str: {
          i = this.scanString(chunk, i);
          break;
        }
        case S.Atom: {
          let j = i;
          while (j < n) {
            const c = chunk.charCodeAt(j);
            if (isWs(c) || c === 0x2c /* , */ || c === 0x7d /* } */ || c === 0x5d /* ] */) break;
            j++;
          }
          this.atom += chunk.slice(i, j);
          i = j;
          if (j < n) this.finishAtom();
          break;
        }
        default: {
          let c = chunk.charCodeAt(i);
          if (isWs(c)) {
            do c = chunk.charCodeAt(++i);
            while (i < n && isWs(c));
            break;
          }
          this.structural(c, i);
          if ((this.state as S) !== S.Atom) i++;
          break;
        }
      }
    }
    this.offset += n;
  }

  /** The input is complete: throws unless exactly one whole JSON value was seen. */
  end(): void {
    if (this.state === S.Atom && this.frames.length === 0) this.finishAtom();
    if (this.state !== S.Done) {
      throw new JsonStreamError(
        `unexpected end of JSON at offset ${this.offset} (truncated: ${this.frames.length} unclosed container${this.frames.length === 1 ? "" : "s"})`,
        this.offset,
      );
    }
  }

  private fail(what: string, at: number): never {
    throw new JsonStreamError(`${what} at offset ${this.offset + at}`, this.offset + at);
  }

  private get building(): boolean {
    const top = this.frames[this.frames.length - 1];
    return top?.build !== undefined;
  }

  private pathForNewValue(): string[] {
    return this.frames.map((f) => (f.kind === "object" ? (f.key ?? "") : String(f.index)));
  }

  private structural(c: number, at: number): void {
    switch (this.state) {
      case S.Done:
        return this.fail("unexpected data after the JSON document", at);
      case S.ObjKeyOrEnd:
        if (c === 0x7d) return this.endContainer("object", at);
        if (c === 0x22) return this.startString(true);
        return this.fail(`expected a key or "}"`, at);
      case S.ObjKey:
        if (c === 0x22) return this.startString(true);
        return this.fail("expected a key", at);
      case S.Colon:
        if (c === 0x3a) {
          this.state = S.Value;
          return;
        }
        return this.fail(`expected ":"`, at);
      case S.CommaOrEnd: {
        const top = this.frames[this.frames.length - 1];
        if (!top) return this.fail("unexpected character", at);
        if (c === 0x2c) {
          this.state = top.kind === "object" ? S.ObjKey : S.Value;
          return;
        }
        if (c === 0x7d) return this.endContainer("object", at);
        if (c === 0x5d) return this.endContainer("array", at);
        return this.fail(`expected "," or a closing bracket`, at);
      }
      case S.ArrValueOrEnd:
        if (c === 0x5d) return this.endContainer("array", at);
        return this.startValue(c, at);
      case S.Value:
        return this.startValue(c, at);
      default:
        return this.fail("unexpected character", at);
    }
  }

  private startValue(c: number, at: number): void {
    if (c === 0x7b) return this.startContainer("object");
    if (c === 0x5b) return this.startContainer("array");
    if (c === 0x22) return this.startString(false);
    if (c === 0x2d || (c >= 0x30 && c <= 0x39) || c === 0x74 || c === 0x66 || c === 0x6e) {
      this.beginPrimitive();
      this.atom = "";
      this.state = S.Atom;
      return;
    }
    this.fail("expected a value", at);
  }

  /** A primitive starts: decide whether it is captured on its own. */
  private beginPrimitive(): void {
    this.pendingCapturePath = undefined;
    if (!this.building && this.frames.length <= this.h.maxDepth) {
      const path = this.pathForNewValue();
      if (this.h.capture(path)) this.pendingCapturePath = path;
    }
  }

  private startContainer(kind: "object" | "array"): void {
    let build: Frame["build"];
    let capturePath: string[] | undefined;
    if (this.building) {
      build = kind === "object" ? {} : [];
    } else if (this.frames.length <= this.h.maxDepth) {
      const path = this.pathForNewValue();
      if (this.h.capture(path)) {
        build = kind === "object" ? {} : [];
        capturePath = path;
      } else {
        this.h.onEnter?.(path, kind);
      }
    }
    this.frames.push({ kind, key: null, index: 0, build, capturePath });
    this.state = kind === "object" ? S.ObjKeyOrEnd : S.ArrValueOrEnd;
  }

  private endContainer(kind: "object" | "array", at: number): void {
    const f = this.frames.pop();
    if (!f || f.kind !== kind) this.fail(`unexpected "${kind === "object" ? "}" : "]"}"`, at);
    if (f.capturePath) {
      this.h.onValue(f.capturePath, f.build);
      this.completeValue(undefined);
    } else {
      this.completeValue(f.build);
    }
  }

  private startString(isKey: boolean): void {
    this.strIsKey = isKey;
    if (isKey) {
      // Keys matter for paths at depth <= maxDepth, and inside captured values.
      this.strKeep = this.building || this.frames.length <= this.h.maxDepth;
    } else {
      this.beginPrimitive();
      this.strKeep = this.building || this.pendingCapturePath !== undefined;
    }
    this.strRaw = "";
    this.escapePending = false;
    this.state = S.Str;
  }

  /** Scan string content from `i`; returns where scanning stopped. */
  private scanString(chunk: string, i: number): number {
    const n = chunk.length;
    let j = i;
    if (this.escapePending) {
      if (j >= n) return n;
      j++;
      this.escapePending = false;
    }
    // Backslashes only start escapes or are escaped themselves, so a quote is escaped exactly when
    // an odd run of backslashes precedes it (counted from `j`: what came before is settled).
    const runBefore = (end: number): number => {
      let k = 0;
      while (end - 1 - k >= j && chunk.charCodeAt(end - 1 - k) === 0x5c) k++;
      return k;
    };
    for (;;) {
      const q = chunk.indexOf('"', j);
      if (q === -1) {
        // The string goes on in the next chunk; it may end here on a lone backslash.
        this.escapePending = runBefore(n) % 2 === 1;
        if (this.strKeep) this.strRaw += chunk.slice(i, n);
        return n;
      }
      if (runBefore(q) % 2 === 1) {
        j = q + 1;
        continue;
      }
      if (this.strKeep) this.strRaw += chunk.slice(i, q);
      this.finishString(q);
      return q + 1;
    }
  }

  private finishString(at: number): void {
    let text: string | undefined;
    if (this.strKeep) {
      try {
        text = JSON.parse(`"${this.strRaw}"`) as string;
      } catch {
        this.fail("invalid string", at);
      }
    }
    this.strRaw = "";
    if (this.strIsKey) {
      const top = this.frames[this.frames.length - 1];
      if (top) top.key = text ?? "";
      this.state = S.Colon;
    } else {
      this.primitiveDone(text);
    }
  }

  private finishAtom(): void {
    const t = this.atom;
    this.atom = "";
    let v: unknown;
    if (t === "true") v = true;
    else if (t === "false") v = false;
    else if (t === "null") v = null;
    else if (NUMBER.test(t)) v = Number(t);
    else this.fail(`invalid literal ${JSON.stringify(t.slice(0, 20))}`, 0);
    this.primitiveDone(v);
  }

  private primitiveDone(v: unknown): void {
    if (this.pendingCapturePath) {
      const path = this.pendingCapturePath;
      this.pendingCapturePath = undefined;
      this.h.onValue(path, v);
      this.completeValue(undefined);
      return;
    }
    this.completeValue(v);
  }

  private completeValue(v: unknown): void {
    const top = this.frames[this.frames.length - 1];
    if (!top) {
      this.state = S.Done;
      return;
    }
    if (top.build !== undefined) {
      if (Array.isArray(top.build)) top.build.push(v);
      else top.build[top.key ?? ""] = v;
    }
    if (top.kind === "array") top.index++;
    this.state = S.CommaOrEnd;
  }
}
