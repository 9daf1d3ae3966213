//! The one random source of the tests that choose their own timings or mutations:
//! xorshift64*, small and deterministic, so a failure can be replayed from the seed it
//! prints.

/// xorshift64* (Marsaglia's xorshift with Vigna's multiplier).
pub(crate) struct Rng(u64);

impl Rng {
    /// A generator started from `seed` as it is (0, which xorshift never leaves, is
    /// taken as 1).
    pub(crate) fn new(seed: u64) -> Self {
        Rng(seed.max(1))
    }

    /// A generator seeded from the system, so every run tries other values, and the
    /// seed it started from (print it, to replay a failure with [`Rng::new`]).
    pub(crate) fn from_system() -> (Self, u64) {
        let mut bytes = [0u8; 8];
        getrandom::fill(&mut bytes).expect("seed");
        let seed = u64::from_le_bytes(bytes) | 1;
        (Rng::new(seed), seed)
    }

    /// The next number.
    pub(crate) fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// A number below `n` (0 when `n` is 0).
    pub(crate) fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}
