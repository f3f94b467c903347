#include "core/training/losshistory.h"

#include <algorithm>

namespace dl {

LossHistory::LossHistory(const std::vector<float>& values) {
    LossLog log;
    log.assign(values);
    *this = log.view();
}

bool LossHistory::operator==(const LossHistory& other) const {
    return std::equal(begin(), end(), other.begin(), other.end());
}

void LossLog::grow(std::size_t capacity) {
    // A new buffer: views already handed out keep reading the old one, which this log no longer writes.
    std::shared_ptr<float[]> buffer(new float[capacity]);
    std::copy_n(mBuffer.get(), mSize, buffer.get());
    mBuffer = std::move(buffer);
    mCapacity = capacity;
}

void LossLog::reserve(std::size_t capacity) {
    if (capacity > mCapacity) grow(capacity);
}

void LossLog::append(float loss) {
    if (mSize == mCapacity) grow(std::max<std::size_t>(1024, 2 * mCapacity));
    // Writes past every published size: no view reads this slot.
    mBuffer[mSize++] = loss;
}

void LossLog::assign(const std::vector<float>& values) {
    mBuffer.reset();
    mCapacity = 0;
    mSize = 0;
    grow(std::max<std::size_t>(1024, values.size()));
    std::copy(values.begin(), values.end(), mBuffer.get());
    mSize = values.size();
}

}  // namespace dl
