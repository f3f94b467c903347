#include "args.h"

#include <charconv>
#include <cmath>
#include <iostream>
#include <sstream>

namespace dlcli {
namespace {

std::string flagName(const std::string& name) {
    return "--" + name;
}

}  // namespace

std::optional<std::string> ParsedArgs::text(const std::string& name) const {
    auto it = mValues.find(name);
    if (it == mValues.end()) return std::nullopt;
    return it->second;
}

std::string ParsedArgs::requiredText(const std::string& name) const {
    auto v = text(name);
    if (!v) throw UsageError(flagName(name) + ": this option is required");
    return *v;
}

long long ParsedArgs::longValue(const std::string& name, long long fallback, long long min,
                                long long max) const {
    auto v = text(name);
    if (!v) return fallback;
    long long parsed = 0;
    const char* begin = v->data();
    const char* end = v->data() + v->size();
    auto [ptr, ec] = std::from_chars(begin, end, parsed);
    if (ec != std::errc() || ptr != end)
        throw UsageError(flagName(name) + ": expected an integer, got '" + *v + "'");
    if (parsed < min || parsed > max)
        throw UsageError(flagName(name) + ": must be from " + std::to_string(min) + " to " +
                         std::to_string(max) + ", got " + *v);
    return parsed;
}

int ParsedArgs::intValue(const std::string& name, int fallback, int min, int max) const {
    return static_cast<int>(longValue(name, fallback, min, max));
}

double ParsedArgs::doubleValue(const std::string& name, double fallback, double min, double max) const {
    auto v = text(name);
    if (!v) return fallback;
    double parsed = 0.0;
    std::istringstream in(*v);
    in >> parsed;
    if (in.fail() || !in.eof() || !std::isfinite(parsed))
        throw UsageError(flagName(name) + ": expected a finite number, got '" + *v + "'");
    if (parsed < min || parsed > max) {
        std::ostringstream msg;
        msg << flagName(name) << ": must be from " << min << " to " << max << ", got " << *v;
        throw UsageError(msg.str());
    }
    return parsed;
}

unsigned long long ParsedArgs::seed(unsigned long long fallback) const {
    return static_cast<unsigned long long>(
        longValue("seed", static_cast<long long>(fallback), 0, 9223372036854775807LL));
}

OptionSpec::OptionSpec(std::string command, std::string summary)
    : mCommand(std::move(command)), mSummary(std::move(summary)) {}

OptionSpec& OptionSpec::value(const std::string& name, const std::string& valueName,
                              const std::string& help) {
    mOptions.push_back({name, valueName, help});
    return *this;
}

OptionSpec& OptionSpec::flag(const std::string& name, const std::string& help) {
    mOptions.push_back({name, "", help});
    return *this;
}

const OptionSpec::Option* OptionSpec::find(const std::string& name) const {
    for (const auto& o : mOptions)
        if (o.name == name) return &o;
    return nullptr;
}

ParsedArgs OptionSpec::parse(const CommandArgs& args) const {
    ParsedArgs parsed;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& arg = args[i];
        if (arg == "--help" || arg == "-h") {
            std::cout << helpText();
            throw HelpRequested();
        }
        if (arg.rfind("--", 0) != 0)
            throw UsageError("unexpected argument '" + arg + "' (options start with --)");
        std::string name = arg.substr(2);
        std::optional<std::string> inlineValue;
        if (auto eq = name.find('='); eq != std::string::npos) {
            inlineValue = name.substr(eq + 1);
            name = name.substr(0, eq);
        }
        const Option* option = find(name);
        if (!option)
            throw UsageError(flagName(name) + ": unknown option for '" + mCommand + "' (see --help)");
        if (option->valueName.empty()) {
            if (inlineValue) throw UsageError(flagName(name) + ": takes no value");
            parsed.set(name, "1");
            continue;
        }
        if (inlineValue) {
            parsed.set(name, *inlineValue);
        } else {
            if (i + 1 >= args.size())
                throw UsageError(flagName(name) + ": needs a value " + option->valueName);
            parsed.set(name, args[++i]);
        }
    }
    return parsed;
}

std::string OptionSpec::helpText() const {
    std::ostringstream out;
    out << "usage: diffusion-lab-cli " << mCommand << " [options]\n\n" << mSummary << "\n\noptions:\n";
    for (const auto& o : mOptions) {
        std::string left = "  --" + o.name + (o.valueName.empty() ? "" : " " + o.valueName);
        if (left.size() < 30)
            left.resize(30, ' ');
        else
            left += "  ";
        out << left << o.help << "\n";
    }
    out << "  --help                      show this help\n";
    return out.str();
}

}  // namespace dlcli
