#include "fuzzsupport.h"

#include <cstdio>
#include <cstdlib>

namespace inquest::fuzz {

void invariantBroken(const char *what)
{
    std::fprintf(stderr, "fuzz invariant broken: %s\n", what);
    std::abort();
}

} // namespace inquest::fuzz
