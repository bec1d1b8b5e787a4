/* xorshift.h — the unit tests' random numbers: a fixed seed, so a failure repeats. */
#ifndef CL_TESTS_XORSHIFT_H
#define CL_TESTS_XORSHIFT_H

#include <stdint.h>

static uint64_t rng = 0x9E3779B97F4A7C15u;

static inline uint32_t rnd(uint32_t n)   /* 0 .. n-1; xorshift64* */
{
    rng ^= rng >> 12;
    rng ^= rng << 25;
    rng ^= rng >> 27;
    return (uint32_t)((rng * 0x2545F4914F6CDD1Du) >> 32) % n;
}

#endif
