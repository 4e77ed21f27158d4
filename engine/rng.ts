/**
 * Seeded pseudo-random numbers for everything random in the engine: initial weights, data, dropout
 * masks and shuffles. `Math.random` never appears in engine/, so a configuration and a seed replay
 * bit for bit in Node and in the browser (both run V8, whose Math.log/cos/sqrt agree).
 *
 * The generator is sfc32 (Chris Doty-Humphrey's Small Fast Counting generator, 128-bit state, passes
 * PractRand), seeded through splitmix32 so that nearby seeds give unrelated streams.
 */
export interface Rng {
  /** Uniform in [0, 1), 32 bits of randomness. */
  next(): number;
  /** Uniform in [low, high). */
  uniform(low: number, high: number): number;
  /** Standard normal N(0, 1) by the Box–Muller transform. */
  normal(): number;
  /** Uniform integer in [0, n). */
  int(n: number): number;
  /** An independent generator derived from this one's seed and a stream number. */
  fork(stream: number): Rng;
}

function splitmix32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x9e3779b9) >>> 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
}

/** Creates a generator from an integer seed (any finite number; it is reduced to 32 bits). */
export function createRng(seed: number): Rng {
  const baseSeed = Number.isFinite(seed) ? Math.trunc(seed) >>> 0 : 0;
  const init = splitmix32(baseSeed);
  // sfc32's state (a, b, c, d) in a typed array: each store wraps to 32 bits, and V8 keeps the words
  // unboxed (as closure variables, words of 2^31 and above were heap numbers: one allocation per draw).
  const s = Uint32Array.of(init(), init(), init(), init());
  const nextUint32 = (): number => {
    const a = s[0]!;
    const b = s[1]!;
    const c = s[2]!;
    const d = s[3]!;
    const t = (((a + b) >>> 0) + d) >>> 0;
    s[3] = d + 1;
    s[0] = b ^ (b >>> 9);
    s[1] = c + (c << 3);
    s[2] = ((c << 21) | (c >>> 11)) + t;
    return t;
  };
  for (let i = 0; i < 12; i++) nextUint32();
  let spareNormal: number | null = null;
  const next = (): number => nextUint32() / 4294967296;
  return {
    next,
    uniform: (low, high) => low + (high - low) * next(),
    normal: () => {
      if (spareNormal !== null) {
        const value = spareNormal;
        spareNormal = null;
        return value;
      }
      // 1 - next() lies in (0, 1], so the logarithm is finite.
      const radius = Math.sqrt(-2 * Math.log(1 - next()));
      const angle = 2 * Math.PI * next();
      spareNormal = radius * Math.sin(angle);
      return radius * Math.cos(angle);
    },
    int: (n) => Math.floor(next() * n),
    fork: (stream) =>
      createRng((Math.imul(baseSeed ^ 0x5bd1e995, 31) + Math.imul(stream + 1, 0x27d4eb2f)) >>> 0),
  };
}
