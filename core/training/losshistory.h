// The training loss, one value per step, shared between the trainer and its snapshots without copying.
// The trainer appends to a LossLog; every snapshot takes a LossHistory, an immutable view of the first n
// values that costs O(1) to take and to copy, whatever the step count. Published values never move: the
// log appends into spare capacity and, when full, continues in a buffer of twice the size (the older
// views keep the old one alive), so appending stays amortised O(1).
//
//   dl::LossLog log;
//   log.append(0.7f);
//   dl::LossHistory seen = log.view();  // what a snapshot carries
//   log.append(0.6f);                   // seen.size() is still 1
//   for (float loss : seen) ...
#pragma once

#include <cstddef>
#include <memory>
#include <span>
#include <vector>

namespace dl {

class LossHistory {
public:
    LossHistory() = default;
    /// A history of these values (its own buffer).
    explicit LossHistory(const std::vector<float>& values);

    std::size_t size() const { return mSize; }
    bool empty() const { return mSize == 0; }
    float operator[](std::size_t i) const { return mBuffer[i]; }
    float front() const { return mBuffer[0]; }
    float back() const { return mBuffer[mSize - 1]; }
    const float* begin() const { return mBuffer.get(); }
    const float* end() const { return mBuffer.get() + mSize; }
    std::span<const float> values() const { return {begin(), mSize}; }
    operator std::span<const float>() const { return values(); }
    std::vector<float> toVector() const { return {begin(), end()}; }

    bool operator==(const LossHistory& other) const;

private:
    friend class LossLog;
    LossHistory(std::shared_ptr<const float[]> buffer, std::size_t size)
        : mBuffer(std::move(buffer)), mSize(size) {}

    std::shared_ptr<const float[]> mBuffer;
    std::size_t mSize = 0;
};

/// The writing end, owned by one thread (the trainer's). view() may be handed to any thread.
class LossLog {
public:
    void append(float loss);
    /// Room for this many values without moving (e.g. the run's step count).
    void reserve(std::size_t capacity);
    /// Starts over with these values (a restored run).
    void assign(const std::vector<float>& values);
    std::size_t size() const { return mSize; }
    LossHistory view() const { return {mBuffer, mSize}; }

private:
    void grow(std::size_t capacity);

    std::shared_ptr<float[]> mBuffer;
    std::size_t mCapacity = 0;
    std::size_t mSize = 0;
};

}  // namespace dl
