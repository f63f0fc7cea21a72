#pragma once

#include <cmath>
#include <cstdint>

namespace inquest::scenario {

// A small seeded generator (splitmix64) with the few distributions the scenarios need.
// Our own code on purpose: std:: distributions differ between standard libraries, and the
// demo must be byte-identical for the same seed everywhere.
class Rng
{
public:
    explicit Rng(uint64_t seed)
        : m_state(seed)
    {
    }

    uint64_t next()
    {
        uint64_t z = (m_state += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }
    double uniform() { return double(next() >> 11) * 0x1.0p-53; } // [0, 1)
    double uniform(double lo, double hi) { return lo + (hi - lo) * uniform(); }
    uint64_t below(uint64_t n) { return n ? next() % n : 0; }
    bool chance(double p) { return uniform() < p; }
    double normal()
    {
        // Box-Muller; one value per call keeps the state sequence simple.
        const double u = 1.0 - uniform();
        const double v = uniform();
        return std::sqrt(-2.0 * std::log(u)) * std::cos(6.283185307179586 * v);
    }
    // Knuth's method for small means, a rounded normal approximation above 30.
    int poisson(double mean)
    {
        if (mean <= 0)
            return 0;
        if (mean > 30) {
            const double x = mean + std::sqrt(mean) * normal() + 0.5;
            return x < 0 ? 0 : int(x);
        }
        const double limit = std::exp(-mean);
        double p = uniform();
        int k = 0;
        while (p > limit) {
            p *= uniform();
            ++k;
        }
        return k;
    }
    // A derived generator, so that adding draws in one stream does not shift another.
    Rng fork(uint64_t salt) { return Rng(next() ^ (salt * 0xD1B54A32D192ED03ull)); }

private:
    uint64_t m_state;
};

} // namespace inquest::scenario
