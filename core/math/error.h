// Error type for the numeric core: every rejected input throws dl::Error with a message a person can
// act on ("beta_end must be in (0, 1), got 1.5"). Callers at the edges (CLI, UI) catch it and show it.
#pragma once

#include <stdexcept>
#include <string>

namespace dl {

class Error : public std::runtime_error {
public:
    explicit Error(const std::string& message) : std::runtime_error(message) {}
};

}  // namespace dl
