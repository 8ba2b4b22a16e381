// awaitpad's native command line. For now it only parses its arguments: the Python
// interpreter it will drive (core/py) does not exist yet, so `run` and `--dis` report that
// and exit 2. Exit codes: 0 success, 2 usage error or missing feature.
#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <optional>
#include <string>

namespace {

constexpr const char* usage_text =
    "usage: awaitpad run FILE [--virtual-time] [--seed N] [--trace OUT.json]\n"
    "       awaitpad --dis FILE\n"
    "       awaitpad --help\n"
    "\n"
    "  run FILE          run a Python file on the awaitpad runtime\n"
    "    --virtual-time  jump the clock to the next timer instead of waiting\n"
    "    --seed N        seed the `random` module with the integer N\n"
    "    --trace OUT     write task events as Chrome Trace Event JSON to OUT\n"
    "  --dis FILE        print the bytecode of a Python file\n"
    "  --help            show this help\n";

// What the command line asked for; filled by parse_arguments.
struct Options {
    enum class Command { help, run, disassemble };
    Command command = Command::help;
    std::string file;                    // the Python source to run or disassemble
    bool virtual_time = false;           // run: use the virtual-time Host
    std::optional<std::uint64_t> seed;   // run: seed for `random`, unset = unseeded
    std::string trace_path;              // run: where to write the trace, empty = none
};

int usage_error(const char* message, const char* argument) {
    std::fprintf(stderr, "awaitpad: %s%s (see awaitpad --help)\n", message, argument);
    return 2;
}

// Parses argv into options. Returns 0 on success, else the exit code after printing why.
int parse_arguments(int argc, char** argv, Options& options) {
    if (argc < 2) return usage_error("missing command", "");
    const char* command = argv[1];
    if (std::strcmp(command, "--help") == 0 || std::strcmp(command, "-h") == 0) {
        options.command = Options::Command::help;
        return argc == 2 ? 0 : usage_error("unexpected argument: ", argv[2]);
    }
    if (std::strcmp(command, "--dis") == 0) {
        if (argc != 3) return usage_error("--dis takes exactly one FILE", "");
        options.command = Options::Command::disassemble;
        options.file = argv[2];
        return 0;
    }
    if (std::strcmp(command, "run") != 0) return usage_error("unknown command: ", command);

    options.command = Options::Command::run;
    for (int i = 2; i < argc; ++i) {
        const char* argument = argv[i];
        const bool has_value = i + 1 < argc;
        if (std::strcmp(argument, "--virtual-time") == 0) {
            options.virtual_time = true;
        } else if (std::strcmp(argument, "--seed") == 0) {
            if (!has_value) return usage_error("--seed needs a value", "");
            const char* text = argv[++i];
            char* end = nullptr;
            errno = 0;
            const unsigned long long value = std::strtoull(text, &end, 10);
            if (*text == '\0' || *text == '-' || *end != '\0' || errno != 0)
                return usage_error("--seed needs a non-negative integer, got: ", text);
            options.seed = value;
        } else if (std::strcmp(argument, "--trace") == 0) {
            if (!has_value) return usage_error("--trace needs an output path", "");
            options.trace_path = argv[++i];
        } else if (argument[0] == '-' && argument[1] != '\0') {
            return usage_error("unknown option: ", argument);
        } else if (options.file.empty()) {
            options.file = argument;
        } else {
            return usage_error("unexpected argument: ", argument);
        }
    }
    if (options.file.empty()) return usage_error("run needs a FILE", "");
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    Options options;
    if (int status = parse_arguments(argc, argv, options); status != 0) return status;

    switch (options.command) {
        case Options::Command::help:
            std::fputs(usage_text, stdout);
            return 0;
        case Options::Command::run:
        case Options::Command::disassemble:
            std::fputs("awaitpad: the Python interpreter is not built yet (tracked in issue 3)\n",
                       stderr);
            return 2;
    }
    return 2;
}
