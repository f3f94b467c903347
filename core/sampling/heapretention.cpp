#include "core/sampling/heapretention.h"

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace dl {

bool retainFreedHeapMemory() {
#if defined(__GLIBC__)
    // mallopt returns 1 on success. Setting either threshold also stops glibc's dynamic adjustment of
    // both, which is why both are set.
    const bool mmapSet = mallopt(M_MMAP_THRESHOLD, static_cast<int>(kHeapMmapThresholdBytes)) == 1;
    const bool trimSet = mallopt(M_TRIM_THRESHOLD, static_cast<int>(kHeapTrimThresholdBytes)) == 1;
    return mmapSet && trimSet;
#else
    return false;
#endif
}

}  // namespace dl
