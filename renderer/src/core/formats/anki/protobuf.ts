/**
 * A minimal protocol-buffers reader for the few Anki messages Lectern needs (package `meta`, the media
 * map, note type and template configs, deck kinds). It reads the wire format only; callers pick the
 * field numbers they know and ignore the rest, as protobuf readers do.
 */

/** One field as found on the wire: a varint/fixed number, or the bytes of a length-delimited field. */
export type ProtoField =
  | { field: number; wire: 0 | 1 | 5; value: number }
  | { field: number; wire: 2; value: Uint8Array };

/** Thrown on malformed protobuf; callers turn it into a message naming what could not be read. */
export class ProtoError extends Error {}

function readVarint(buf: Uint8Array, at: { pos: number }): number {
  let result = 0;
  let scale = 1;
  for (let i = 0; i < 10; i++) {
    if (at.pos >= buf.length) throw new ProtoError('truncated varint');
    const byte = buf[at.pos++] as number;
    // Numbers past 2^53 lose precision; ids and sizes in Anki's messages stay well below.
    result += (byte & 0x7f) * scale;
    if ((byte & 0x80) === 0) return result;
    scale *= 128;
  }
  throw new ProtoError('varint longer than 10 bytes');
}

/** Every field of a message, in wire order. Throws {@link ProtoError} on malformed input. */
export function readProtoFields(buf: Uint8Array): ProtoField[] {
  const out: ProtoField[] = [];
  const at = { pos: 0 };
  while (at.pos < buf.length) {
    const key = readVarint(buf, at);
    const field = Math.floor(key / 8);
    const wire = key & 7;
    if (wire === 0) out.push({ field, wire, value: readVarint(buf, at) });
    else if (wire === 2) {
      const len = readVarint(buf, at);
      if (at.pos + len > buf.length) throw new ProtoError('truncated length-delimited field');
      out.push({ field, wire, value: buf.subarray(at.pos, at.pos + len) });
      at.pos += len;
    } else if (wire === 1 || wire === 5) {
      const size = wire === 1 ? 8 : 4;
      if (at.pos + size > buf.length) throw new ProtoError('truncated fixed field');
      const view = new DataView(buf.buffer, buf.byteOffset + at.pos, size);
      out.push({
        field,
        wire,
        value: wire === 1 ? Number(view.getBigUint64(0, true)) : view.getUint32(0, true),
      });
      at.pos += size;
    } else throw new ProtoError(`unsupported wire type ${wire}`);
  }
  return out;
}

const utf8 = new TextDecoder('utf-8');

/** The last value of a varint field (protobuf's rule for repeated scalars read as one), or `fallback`. */
export function protoNumber(fields: ProtoField[], field: number, fallback = 0): number {
  let value = fallback;
  for (const f of fields) if (f.field === field && f.wire !== 2) value = f.value;
  return value;
}

/** The last value of a string field, or `''`. */
export function protoString(fields: ProtoField[], field: number): string {
  let value = '';
  for (const f of fields) if (f.field === field && f.wire === 2) value = utf8.decode(f.value);
  return value;
}

/** Every value of a length-delimited field (a repeated message or bytes field). */
export function protoMessages(fields: ProtoField[], field: number): Uint8Array[] {
  const out: Uint8Array[] = [];
  for (const f of fields) if (f.field === field && f.wire === 2) out.push(f.value);
  return out;
}

/** Whether the field is present at all. */
export function protoHas(fields: ProtoField[], field: number): boolean {
  return fields.some((f) => f.field === field);
}
