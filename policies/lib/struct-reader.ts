/**
 * Analyze and AnalyzeStack requests read faster. google-protobuf decodes each `Struct` of a
 * request (a resource's properties, its provider's) into a tree of `Value` messages, and the pack's
 * handlers only ever turn that tree into plain JavaScript (`Struct.toJavaScript`, inside
 * @pulumi/policy's `deserializeProperties` and the engine shim). While a request of those two
 * methods is decoded, each Struct is read straight to that JavaScript value with google-protobuf's
 * own BinaryReader, and the Struct message answers `toJavaScript()` with it: a 1,000-resource
 * AnalyzeStack request (650 KB) decodes in about a third of the time.
 *
 * The value is the one `toJavaScript` builds: keys in the order it gives them (sorted, as
 * google-protobuf's map iterates), the last of repeated keys, `null`, numbers, strings, booleans,
 * nested structs and lists; an entry without a key has the key ""; a value with no kind fails when
 * read, with toJavaScript's error; an entry with another field fails the request's decoding, as
 * it does there. Every
 * call answers the same object (its readers only read it). The message's other readers throw:
 * nothing in the pack reads a request's Struct otherwise. test/policies/struct-reader.test.ts
 * compares both readings over every example stack and edge cases.
 */

/* eslint-disable @typescript-eslint/no-explicit-any -- google-protobuf's reader and messages are untyped */
type Reader = any;

interface StructClass {
  deserializeBinaryFromReader(msg: any, reader: Reader): any;
}

/** Run `decode` (a generated request decoder) with its Structs read as JavaScript values. */
export function withStructsAsJavaScript<T>(struct: StructClass, decode: () => T): T {
  const generated = struct.deserializeBinaryFromReader;
  struct.deserializeBinaryFromReader = readStructMessage;
  try {
    return decode();
  } finally {
    struct.deserializeBinaryFromReader = generated;
  }
}

/** A request decoder (grpc-js `requestDeserialize`) whose Structs are read as JavaScript values. */
export function structsAsJavaScript<T>(struct: StructClass, deserialize: (buffer: Buffer) => T): (buffer: Buffer) => T {
  return (buffer) => withStructsAsJavaScript(struct, () => deserialize(buffer));
}

const UNSET = Symbol("a Value without a kind");
let unset = false;

function readStructMessage(msg: any, reader: Reader): any {
  unset = false;
  const value = readStruct(reader);
  const failed = unset;
  msg.toJavaScript = () => {
    if (failed) throw new Error("Unexpected struct type");
    return value;
  };
  const elsewise = () => {
    throw new Error("this Struct was read as JavaScript (policies/lib/struct-reader.ts): read it with toJavaScript()");
  };
  msg.getFieldsMap = elsewise;
  msg.serializeBinary = elsewise;
  msg.toObject = elsewise;
  return msg;
}

/** A Struct's fields (field 1: map<string, Value>, each entry key 1, value 2). */
function readStruct(reader: Reader): Record<string, unknown> {
  const values = new Map<string, unknown>();
  while (reader.nextField()) {
    if (reader.isEndGroup()) break;
    if (reader.getFieldNumber() !== 1) {
      reader.skipField();
      continue;
    }
    // google-protobuf's defaults for an entry without them: the key "", a Value with no kind.
    let key = "";
    let value: unknown = UNSET;
    reader.readMessage(null, (_: unknown, entry: Reader) => {
      while (entry.nextField()) {
        if (entry.isEndGroup()) break;
        const field = entry.getFieldNumber();
        if (field === 1) key = entry.readString();
        else if (field === 2) entry.readMessage(null, (_v: unknown, v: Reader) => (value = readValue(v)));
        // google-protobuf's map reader does not skip one either: the request fails to decode.
        else throw new Error("a Struct field entry with a field other than its key and value");
      }
    });
    if (value === UNSET) unset = true;
    values.set(key, value);
  }
  const out: Record<string, unknown> = {};
  for (const key of [...values.keys()].sort()) out[key] = values.get(key);
  return out;
}

/** A Value: its kind is the last of null (1), number (2), string (3), bool (4), struct (5), list (6). */
function readValue(reader: Reader): unknown {
  let value: unknown = UNSET;
  while (reader.nextField()) {
    if (reader.isEndGroup()) break;
    switch (reader.getFieldNumber()) {
      case 1:
        reader.readEnum();
        value = null;
        break;
      case 2:
        value = reader.readDouble();
        break;
      case 3:
        value = reader.readString();
        break;
      case 4:
        value = reader.readBool();
        break;
      case 5:
        reader.readMessage(null, (_: unknown, s: Reader) => (value = readStruct(s)));
        break;
      case 6:
        reader.readMessage(null, (_: unknown, l: Reader) => (value = readList(l)));
        break;
      default:
        reader.skipField();
    }
  }
  if (value === UNSET) unset = true;
  return value;
}

/** A ListValue (field 1: repeated Value). */
function readList(reader: Reader): unknown[] {
  const out: unknown[] = [];
  while (reader.nextField()) {
    if (reader.isEndGroup()) break;
    if (reader.getFieldNumber() === 1) reader.readMessage(null, (_: unknown, v: Reader) => out.push(readValue(v)));
    else reader.skipField();
  }
  return out;
}
