const decoder = new TextDecoder();
const LINEAR_LIMIT = 16;

/**
 * Maps UTF-8 byte strings to small integer codes without decoding every row: rows are hashed and compared as bytes,
 * and only the first occurrence of each distinct value is decoded. Repeated neighbours (the common case: rows of one
 * training or question are stored together) cost one byte comparison.
 */
export class Utf8Interner {
  readonly values: string[] = [];
  private readonly bytes: Uint8Array[] = [];
  private readonly buckets = new Map<number, number[]>();
  private lastCode = -1;

  /** An independent copy: codes handed out later by either one do not affect the other. */
  clone(): Utf8Interner {
    const copy = new Utf8Interner();
    for (let code = 0; code < this.values.length; code++) {
      copy.values.push(this.values[code]);
      copy.bytes.push(this.bytes[code]);
    }
    for (const [hash, bucket] of this.buckets) copy.buckets.set(hash, [...bucket]);
    return copy;
  }

  /** The code of bytes[start, end). */
  code(data: Uint8Array, start: number, end: number): number {
    const last = this.lastCode;
    if (last >= 0 && equalBytes(this.bytes[last], data, start, end)) return last;
    // Few distinct values (tools, reasons, trainings): a linear scan beats hashing.
    if (this.values.length <= LINEAR_LIMIT) {
      for (let candidate = 0; candidate < this.bytes.length; candidate++) {
        if (equalBytes(this.bytes[candidate], data, start, end)) return (this.lastCode = candidate);
      }
      return this.add(data, start, end, this.hash(data, start, end));
    }
    const hash = this.hash(data, start, end);
    const bucket = this.buckets.get(hash);
    if (bucket) {
      for (const candidate of bucket) {
        if (equalBytes(this.bytes[candidate], data, start, end)) return (this.lastCode = candidate);
      }
    }
    return this.add(data, start, end, hash);
  }

  private hash(data: Uint8Array, start: number, end: number): number {
    let hash = 0x811c9dc5;
    for (let i = start; i < end; i++) hash = Math.imul(hash ^ data[i], 0x01000193);
    return hash;
  }

  private add(data: Uint8Array, start: number, end: number, hash: number): number {
    const code = this.values.length;
    const copy = data.slice(start, end);
    this.bytes.push(copy);
    this.values.push(decoder.decode(copy));
    const bucket = this.buckets.get(hash);
    if (bucket) bucket.push(code);
    else this.buckets.set(hash, [code]);
    return (this.lastCode = code);
  }
}

function equalBytes(known: Uint8Array, data: Uint8Array, start: number, end: number): boolean {
  if (known.length !== end - start) return false;
  for (let i = 0; i < known.length; i++) if (known[i] !== data[start + i]) return false;
  return true;
}
