/**
 * Seeded pseudo-random numbers for generated workspaces. sfc32 is small, fast and passes
 * PractRand far beyond what demo data needs; its 128-bit state keeps the hundreds of
 * thousands of ids a stress workspace draws clear of collisions.
 */

const HEX_BYTES: readonly string[] = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, '0'));

export class SeededRandom {
  private a: number;
  private b: number;
  private c: number;
  private d: number;
  /** Box-Muller yields normals in pairs; the second waits here for the next call. */
  private spareNormal: number | null = null;

  constructor(seed: number) {
    // splitmix32 spreads even tiny or adjacent seeds over the whole state.
    let mix = seed >>> 0;
    const nextMix = (): number => {
      mix = (mix + 0x9e3779b9) | 0;
      let z = mix;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
      return (z ^ (z >>> 16)) >>> 0;
    };
    this.a = nextMix();
    this.b = nextMix();
    this.c = nextMix();
    this.d = nextMix();
    // The first outputs of sfc32 still echo the seed; discarding them is the usual practice.
    for (let warmUp = 0; warmUp < 12; warmUp++) this.nextUint32();
  }

  /** Uniform 32-bit unsigned integer. */
  nextUint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.nextUint32() / 4294967296;
  }

  /** Uniform integer in [min, max], both ends included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError('cannot pick from an empty list');
    return items[Math.floor(this.next() * items.length)] as T;
  }

  /** True with probability `probability`. */
  chance(probability: number): boolean {
    return this.next() < probability;
  }

  normal(mean = 0, standardDeviation = 1): number {
    if (this.spareNormal !== null) {
      const spare = this.spareNormal;
      this.spareNormal = null;
      return mean + standardDeviation * spare;
    }
    // 1 - next() lies in (0, 1], so the logarithm stays finite.
    const radius = Math.sqrt(-2 * Math.log(1 - this.next()));
    const angle = 2 * Math.PI * this.next();
    this.spareNormal = radius * Math.sin(angle);
    return mean + standardDeviation * radius * Math.cos(angle);
  }

  /** Fisher-Yates on a copy. */
  shuffle<T>(items: readonly T[]): T[] {
    const copy = items.slice();
    for (let index = copy.length - 1; index > 0; index--) {
      const other = Math.floor(this.next() * (index + 1));
      const held = copy[index] as T;
      copy[index] = copy[other] as T;
      copy[other] = held;
    }
    return copy;
  }

  /** A version-4, RFC 4122 variant UUID whose random bits come from this generator. */
  uuid(): string {
    const first = this.nextUint32();
    const second = this.nextUint32();
    const third = this.nextUint32();
    const fourth = this.nextUint32();
    return (
      HEX_BYTES[first >>> 24]! +
      HEX_BYTES[(first >>> 16) & 0xff]! +
      HEX_BYTES[(first >>> 8) & 0xff]! +
      HEX_BYTES[first & 0xff]! +
      '-' +
      HEX_BYTES[second >>> 24]! +
      HEX_BYTES[(second >>> 16) & 0xff]! +
      '-' +
      // Version nibble 4 in the high half of byte 6.
      HEX_BYTES[((second >>> 8) & 0x0f) | 0x40]! +
      HEX_BYTES[second & 0xff]! +
      '-' +
      // Variant bits 10xx in byte 8.
      HEX_BYTES[((third >>> 24) & 0x3f) | 0x80]! +
      HEX_BYTES[(third >>> 16) & 0xff]! +
      '-' +
      HEX_BYTES[(third >>> 8) & 0xff]! +
      HEX_BYTES[third & 0xff]! +
      HEX_BYTES[fourth >>> 24]! +
      HEX_BYTES[(fourth >>> 16) & 0xff]! +
      HEX_BYTES[(fourth >>> 8) & 0xff]! +
      HEX_BYTES[fourth & 0xff]!
    );
  }
}

export function createRandom(seed: number): SeededRandom {
  return new SeededRandom(seed);
}
