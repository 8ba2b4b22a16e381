// awaitpad's native command line: runs a Python file on the interpreter the way
// `python3 FILE` does (stdout, stderr, exit status), optionally on virtual time and with a
// Chrome trace of the run's tasks. Exit codes: the program's, or 2 for a usage error.
#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <optional>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>
#include <string>
#include <unistd.h>

#include "core/aio/chrome_trace.hpp"
#include "core/host/native_host.hpp"
#include "core/host/virtual_time_host.hpp"
#include "core/py/vm/interpreter.hpp"

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

// The whole of a file, or of stdin for "-". False when it cannot be read.
bool read_source(const std::string& path, std::string* out) {
    if (path == "-") {
        out->assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
        return true;
    }
    std::ifstream file(path, std::ios::binary);
    if (!file) return false;
    std::ostringstream text;
    text << file.rdbuf();
    *out = text.str();
    return true;
}

int run(const Options& options, const std::string& source) {
    py::RunOptions run_options;
    run_options.argv.push_back(options.file);
    run_options.virtual_time = options.virtual_time;
    run_options.seed = options.seed;
    // The program reads the process's stdin (input(), sys.stdin) unless the source came
    // from there or it is a terminal, which would make every run wait for EOF first.
    if (options.file != "-" && !isatty(0))
        run_options.stdin_text.assign(std::istreambuf_iterator<char>(std::cin),
                                      std::istreambuf_iterator<char>());
    aio::ChromeTrace trace;
    if (!options.trace_path.empty()) run_options.trace_sink = trace.sink();

    host::NativeHost native_host;
    host::VirtualTimeHost virtual_host(native_host);
    host::Host& host = options.virtual_time ? static_cast<host::Host&>(virtual_host)
                                            : static_cast<host::Host&>(native_host);
    int status = 0;
    {
        py::Interpreter interpreter(host, std::move(run_options));
        status = interpreter.run_main(source);
    }
    std::fflush(stdout);
    if (!options.trace_path.empty()) {
        std::ofstream out(options.trace_path, std::ios::binary);
        out << trace.json();
        if (!out) {
            std::fprintf(stderr, "awaitpad: cannot write the trace to %s\n",
                         options.trace_path.c_str());
            return status == 0 ? 1 : status;
        }
    }
    return status;
}

int disassemble(const std::string& source) {
    host::NativeHost host;
    py::Interpreter interpreter(host, py::RunOptions{});
    std::string text;
    const bool compiled = interpreter.disassemble(source, &text);
    std::fputs(text.c_str(), compiled ? stdout : stderr);
    return compiled ? 0 : 1;
}

}  // namespace

int main(int argc, char** argv) {
    Options options;
    if (int status = parse_arguments(argc, argv, options); status != 0) return status;
    if (options.command == Options::Command::help) {
        std::fputs(usage_text, stdout);
        return 0;
    }
    std::string source;
    if (!read_source(options.file, &source)) {
        std::fprintf(stderr, "awaitpad: can't open file '%s': No such file or directory\n",
                     options.file.c_str());
        return 2;
    }
    return options.command == Options::Command::run ? run(options, source)
                                                    : disassemble(source);
}
