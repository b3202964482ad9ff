/**
 * The analyzer requests this process sends (Analyze, AnalyzeStack), written straight to bytes with
 * google-protobuf's own BinaryWriter, field for field as the generated classes of @pulumi/pulumi's
 * analyzer.proto and google/protobuf/struct.proto write them: `Struct.fromJavaScript` followed by
 * `serializeBinary` builds a message object for every value of every property (about 40 per
 * resource of the synthetic stack) only to write it once and drop it.
 *
 * Each resource's properties and each provider are written once and their bytes reused: a
 * resource's properties go out in its Analyze request and again in AnalyzeStack.
 *
 * test/preview/encode.test.ts compares these bytes with the generated classes' own for every
 * resource of every example stack.
 */

/** The part of google-protobuf's BinaryWriter used here. */
export interface ProtoWriter {
  writeString(field: number, value: string): void;
  writeDouble(field: number, value: number): void;
  writeBool(field: number, value: boolean): void;
  writeEnum(field: number, value: number): void;
  writeBytes(field: number, value: Uint8Array): void;
  writeRepeatedString(field: number, value: readonly string[]): void;
  beginSubMessage(field: number): void;
  endSubMessage(): void;
  getResultBuffer(): Uint8Array;
}

export type WriterClass = new () => ProtoWriter;

/** What AnalyzeRequest and AnalyzerResource say of a resource (analyzer.proto fields 1-6). */
export interface WireResource {
  readonly type: string;
  /** Struct bytes (writeStruct). */
  readonly properties: Uint8Array;
  readonly urn: string;
  readonly name: string;
  readonly parent?: string;
  /** AnalyzerProviderResource bytes (writeProvider). */
  readonly provider?: Uint8Array;
}

/** AnalyzerResource's own fields (7-9), for AnalyzeStack. */
export interface WireStackResource extends WireResource {
  readonly dependencies: readonly string[];
  readonly propertyDependencies: Readonly<Record<string, readonly string[]>>;
}

/** google.protobuf.Struct of a plain object (undefined, functions and symbols are refused, as `Struct.fromJavaScript` refuses them). */
export function writeStruct(W: WriterClass, obj: Record<string, unknown>): Uint8Array {
  const w = new W();
  writeFields(w, obj);
  return w.getResultBuffer();
}

/** AnalyzerProviderResource { type = 1; properties = 2; urn = 3; name = 4 }. */
export function writeProvider(W: WriterClass, p: { type: string; properties: Uint8Array; urn: string; name: string }): Uint8Array {
  const w = new W();
  if (p.type.length > 0) w.writeString(1, p.type);
  w.writeBytes(2, p.properties);
  if (p.urn.length > 0) w.writeString(3, p.urn);
  if (p.name.length > 0) w.writeString(4, p.name);
  return w.getResultBuffer();
}

/** AnalyzeRequest { type = 1; properties = 2; urn = 3; name = 4; options = 5; provider = 6 }. */
export function writeAnalyzeRequest(W: WriterClass, r: WireResource): Uint8Array {
  const w = new W();
  writeResource(w, r);
  return w.getResultBuffer();
}

/** AnalyzeStackRequest { repeated AnalyzerResource resources = 1 }. */
export function writeAnalyzeStackRequest(W: WriterClass, resources: readonly Uint8Array[]): Uint8Array {
  const w = new W();
  for (const r of resources) w.writeBytes(1, r);
  return w.getResultBuffer();
}

/** AnalyzerResource: AnalyzeRequest's fields, then { parent = 7; dependencies = 8; propertyDependencies = 9 }. */
export function writeStackResource(W: WriterClass, r: WireStackResource): Uint8Array {
  const w = new W();
  writeResource(w, r);
  if (r.parent) w.writeString(7, r.parent);
  if (r.dependencies.length > 0) w.writeRepeatedString(8, r.dependencies);
  // map<string, AnalyzerPropertyDependencies { repeated string urns = 1 }>, in key order (jspb.Map sorts).
  for (const k of Object.keys(r.propertyDependencies).sort()) {
    const urns = r.propertyDependencies[k]!;
    w.beginSubMessage(9);
    w.writeString(1, k);
    w.beginSubMessage(2);
    if (urns.length > 0) w.writeRepeatedString(1, urns);
    w.endSubMessage();
    w.endSubMessage();
  }
  return w.getResultBuffer();
}

function writeResource(w: ProtoWriter, r: WireResource): void {
  if (r.type.length > 0) w.writeString(1, r.type);
  w.writeBytes(2, r.properties);
  if (r.urn.length > 0) w.writeString(3, r.urn);
  if (r.name.length > 0) w.writeString(4, r.name);
  // AnalyzerResourceOptions: protect = 1 is false (not written), parent = 8.
  w.beginSubMessage(5);
  if (r.parent) w.writeString(8, r.parent);
  w.endSubMessage();
  if (r.provider) w.writeBytes(6, r.provider);
}

/** Struct { map<string, Value> fields = 1 }, in key order (jspb.Map sorts its keys). */
function writeFields(w: ProtoWriter, obj: Record<string, unknown>): void {
  const keys: string[] = [];
  // As Struct.fromJavaScript reads an object: for-in.
  for (const k in obj) keys.push(k);
  keys.sort();
  for (const k of keys) {
    w.beginSubMessage(1);
    w.writeString(1, k);
    w.beginSubMessage(2);
    writeValue(w, obj[k]);
    w.endSubMessage();
    w.endSubMessage();
  }
}

/** Value { oneof kind { NullValue null_value = 1; double number_value = 2; string string_value = 3; bool bool_value = 4; Struct struct_value = 5; ListValue list_value = 6 } }. */
function writeValue(w: ProtoWriter, v: unknown): void {
  if (v === null) return w.writeEnum(1, 0);
  switch (typeof v) {
    case "string":
      return w.writeString(3, v);
    case "number":
      return w.writeDouble(2, v);
    case "boolean":
      return w.writeBool(4, v);
    case "object":
      if (Array.isArray(v)) {
        // ListValue { repeated Value values = 1 }
        w.beginSubMessage(6);
        for (let i = 0; i < v.length; i++) {
          w.beginSubMessage(1);
          writeValue(w, v[i]);
          w.endSubMessage();
        }
        w.endSubMessage();
      } else {
        w.beginSubMessage(5);
        writeFields(w, v as Record<string, unknown>);
        w.endSubMessage();
      }
      return;
    default:
      throw new Error("Unexpected struct type.");
  }
}
