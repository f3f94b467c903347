// The one number formatter for messages and text output in the core and the CLI: `precision`
// significant digits in the shortest of fixed and scientific notation (printf's %g, via a stream in the
// classic "C" locale, so a decimal point is always '.').
//
//   dl::formatNumber(0.02)        // "0.02"
//   dl::formatNumber(1.0 / 3, 3)  // "0.333"
#pragma once

#include <string>

namespace dl {

std::string formatNumber(double v, int precision = 6);

/// The shortest text that reads back as exactly v (std::to_chars): 0.00085 is "0.00085", where 17 digits
/// wrote "0.00084999999999999995". For files people read and programs parse back (JSON).
std::string formatRoundTrip(double v);
/// The same for a float: 5.393f is "5.393", where its double would be "5.39300012588501". A distinct name,
/// not an overload, so a float passed to formatRoundTrip keeps being written as the double it widens to.
std::string formatFloatRoundTrip(float v);

}  // namespace dl
