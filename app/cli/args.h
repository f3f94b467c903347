// A small, strict option parser for the CLI: every command declares its options, so --help is
// generated and an unknown or malformed flag is a one-line error naming the flag (exit status 2).
//
//   dlcli::OptionSpec spec("schedule", "Print a beta schedule.");
//   spec.value("T", "N", "number of timesteps (1..10000)");
//   spec.flag("json", "print JSON");
//   dlcli::ParsedArgs a = spec.parse(args);   // throws UsageError, or HelpRequested after printing help
//   int T = a.intValue("T", 1000, 1, 10000);
#pragma once

#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "commands.h"

namespace dlcli {

/// A bad command line; the message already names the flag. main() prints it and exits with 2.
class UsageError : public std::runtime_error {
public:
    explicit UsageError(const std::string& message) : std::runtime_error(message) {}
};

/// Thrown after --help was printed; main() exits with 0.
class HelpRequested : public std::exception {};

class ParsedArgs {
public:
    bool has(const std::string& name) const { return mValues.count(name) > 0; }
    std::optional<std::string> text(const std::string& name) const;
    std::string requiredText(const std::string& name) const;
    int intValue(const std::string& name, int fallback, int min, int max) const;
    long long longValue(const std::string& name, long long fallback, long long min, long long max) const;
    double doubleValue(const std::string& name, double fallback, double min, double max) const;
    /// The seed flag: any non-negative integer up to 2^63 − 1.
    unsigned long long seed(unsigned long long fallback = 0) const;

    void set(const std::string& name, const std::string& value) { mValues[name] = value; }

private:
    std::map<std::string, std::string> mValues;
};

class OptionSpec {
public:
    OptionSpec(std::string command, std::string summary);

    /// An option that takes a value: --name VALUE or --name=VALUE.
    OptionSpec& value(const std::string& name, const std::string& valueName, const std::string& help);
    /// A switch without a value: --name.
    OptionSpec& flag(const std::string& name, const std::string& help);

    ParsedArgs parse(const CommandArgs& args) const;
    std::string helpText() const;

private:
    struct Option {
        std::string name;
        std::string valueName;  // empty for a switch
        std::string help;
    };
    const Option* find(const std::string& name) const;

    std::string mCommand;
    std::string mSummary;
    std::vector<Option> mOptions;
};

}  // namespace dlcli
