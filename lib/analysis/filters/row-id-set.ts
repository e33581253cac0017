/**
 * A set of LanceDB row ids (fragment << 32 | offset), one bitmap per fragment: a million matches take about a bit per
 * row of their fragments, not a boxed BigInt each, and a look-up is two array reads.
 */
export class RowIdSet {
  private readonly fragments = new Map<number, Uint8Array>();
  readonly size: number;

  constructor(ids: Iterable<bigint>) {
    const byFragment = new Map<number, number[]>();
    for (const id of ids) {
      const fragment = Number(id >> 32n);
      let offsets = byFragment.get(fragment);
      if (!offsets) byFragment.set(fragment, (offsets = []));
      offsets.push(Number(id & 0xffffffffn));
    }
    let size = 0;
    for (const [fragment, offsets] of byFragment) {
      let last = 0;
      for (const offset of offsets) if (offset > last) last = offset;
      const bits = new Uint8Array((last >> 3) + 1);
      for (const offset of offsets) {
        if ((bits[offset >> 3] & (1 << (offset & 7))) === 0) size++;
        bits[offset >> 3] |= 1 << (offset & 7);
      }
      this.fragments.set(fragment, bits);
    }
    this.size = size;
  }

  has(id: bigint): boolean {
    const bits = this.fragments.get(Number(id >> 32n));
    if (!bits) return false;
    const offset = Number(id & 0xffffffffn);
    return (bits[offset >> 3] & (1 << (offset & 7))) !== 0;
  }
}
