#!/usr/bin/env python3
"""Run test programs on an interpreter and compare with what CPython 3.11 printed.

The expected files next to each PROGRAM.py were recorded from CPython by
scripts/record_cpython.py (read its docstring for the format); this script only
reads them. Design decision: a program passes on exactly what the recorder
keeps (stdout byte for byte; exit status and last non-empty stderr line when a
PROGRAM.err exists), so an interpreter is free in what it writes to stderr
around a traceback but not in anything a learner would compare by eye. Cost:
the middle of a traceback (frames, source lines, carets) is not checked here.

Usage
    python3 scripts/check_programs.py [options] [PROGRAM.py|DIRECTORY ...]

    With no paths: tests/programs and tests/scenarios. A directory stands for
    every *.py below it (recursively); one without a PROGRAM.out fails as
    "not recorded".

    --interpreter CMD   the command that runs one program; the program's path
                        is appended (default: "build/native/awaitpad run
                        --virtual-time", relative to the repository root).
                        For the wasm build: --interpreter "node wasm/cli.mjs run"
    --server CMD        instead of --interpreter: a program server, started once
                        per job, that reads a program path per line on stdin and
                        answers a JSON line {"stdout", "stderr", "status"} per
                        program, e.g. "node wasm/cli.mjs serve --virtual-time"
                        (Node's start and the module's compile then happen once
                        per job, not once per program)
    -j N, --jobs N      programs run in parallel (default: number of CPUs)
    --timeout S         real seconds one program may run (default 10); a
                        program still running is killed and counts as failed
    --known-failures F  the expected-failures list (default:
                        tests/programs/known_failures.txt)
    -v, --verbose       print a line for every program, not only problems

How a program runs
    `CMD... /absolute/path/PROGRAM.py` with stdin empty and the working
    directory a fresh temporary directory. The interpreter itself names the
    program "main.py" in tracebacks, as the recorder's CPython run did.
    With AWAITPAD_HTTPBIN set (scripts/httpbin_server.py -- ... sets it), HTTP
    programs meet the local httpbin as the recorder did: a copy with
    https://httpbin.org replaced by the local server runs, and its output is
    compared in terms of httpbin.org again.

What passes
    - stdout equals PROGRAM.out byte for byte;
    - when PROGRAM.err exists: the exit status and the last non-empty stderr
      line equal its "exit:" and "stderr:" lines;
    - when it does not: the exit status is 0 (stderr is ignored: warnings);
    - when PROGRAM.stderr exists (the recorder writes it in a directory marked
      with a FULL_STDERR file, for programs whose traceback has only main.py's
      frames): the whole stderr equals it, so a syntax error's line, quoted
      source line and caret column are compared too;
    - when PROGRAM.out ends in the deadlock marker line "--- deadlock ---",
      where CPython would hang and never exit: stdout only (the interpreter
      prints the marker as its last stdout line and may report the deadlock on
      stderr with any exit status).
    PROGRAM.time (virtual seconds) is not compared.

Known failures
    known_failures.txt lists programs that are expected to fail, one path
    relative to the repository root per line followed by " # reason"; blank
    lines and lines starting with "#" are ignored. A listed program that fails
    is reported as XFAIL and is fine; a listed program that passes is an error
    (XPASS: remove it from the list), so the list can only shrink. A listed
    path that does not exist is an error too.

Exit status: 0 when every program passed or failed as listed, 1 otherwise,
2 for a usage error (bad path, missing interpreter).
"""

import argparse
import concurrent.futures
import difflib
import json
import os
import select
import shlex
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time

import httpbin_server

REPOSITORY = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_PATHS = ["tests/programs", "tests/scenarios"]
DEFAULT_INTERPRETER = "build/native/awaitpad run --virtual-time"
DEFAULT_KNOWN_FAILURES = "tests/programs/known_failures.txt"
DEADLOCK_LINE = b"--- deadlock ---\n"
DIFF_LINES = 24          # most lines of a stdout diff shown for one failure
STDERR_TAIL_LINES = 4    # most lines of actual stderr shown for one failure


class Expected:
    """What CPython recorded for one program."""

    def __init__(self, program):
        stem = program[:-len(".py")]
        with open(stem + ".out", "rb") as source:
            self.stdout = source.read()   # bytes CPython wrote to stdout
        self.status = None                # exit status; None: no .err, must be 0
        self.stderr_line = None           # last non-empty stderr line, if .err exists
        if os.path.exists(stem + ".err"):
            with open(stem + ".err", encoding="utf-8") as source:
                status_line, stderr_line = source.read().split("\n")[:2]
            self.status = int(status_line[len("exit: "):])
            self.stderr_line = stderr_line[len("stderr: "):]
        self.deadlocks = self.stdout.endswith(DEADLOCK_LINE)  # CPython would hang
        self.stderr = None                # the whole stderr, if PROGRAM.stderr exists
        if os.path.exists(stem + ".stderr"):
            with open(stem + ".stderr", encoding="utf-8", newline="") as source:
                self.stderr = source.read()


class Outcome:
    """One program's run and verdict."""

    def __init__(self, program, problems, expected_to_fail):
        self.program = program                    # path as given on the command line
        self.problems = problems                  # lines saying what differed; [] = passed
        self.expected_to_fail = expected_to_fail  # listed in known_failures.txt

    @property
    def passed(self):
        return not self.problems

    @property
    def verdict(self):
        if self.expected_to_fail:
            return "XPASS" if self.passed else "XFAIL"
        return "ok" if self.passed else "FAIL"


def usage_failure(message):
    """Stops with exit status 2: the command line or a data file is wrong, nothing ran."""
    print(f"check_programs.py: {message}", file=sys.stderr)
    raise SystemExit(2)


def last_non_empty_line(text):
    """The recorder's rule: the last line that is not blank, unstripped."""
    lines = [line for line in text.splitlines() if line.strip()]
    return lines[-1] if lines else ""


def run_one(program, interpreter, timeout):
    """Runs `program` and returns (stdout bytes, stderr text, status), or a str on timeout."""
    command = interpreter + [os.path.abspath(program)]
    with tempfile.TemporaryDirectory(prefix="check_programs_") as scratch:
        environment = dict(os.environ, PYTHONHASHSEED="0", PYTHONIOENCODING="utf-8")
        process = subprocess.Popen(command, cwd=scratch, env=environment,
                                   stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                   stderr=subprocess.PIPE, start_new_session=True)
        try:
            stdout, stderr = process.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.communicate()
            return f"still running after {timeout:g} s (killed)"
    return stdout, stderr.decode("utf-8", "replace"), process.returncode


class ProgramServer:
    """One --server process, started on first use and again after a timeout kills it."""

    def __init__(self, command):
        self.command = command
        self.process = None
        self.pending = b""  # answer bytes read past the last newline

    def run(self, program, timeout):
        """Like run_one: (stdout bytes, stderr text, status), or a str on timeout."""
        if self.process is None:
            self.process = subprocess.Popen(self.command, stdin=subprocess.PIPE,
                                            stdout=subprocess.PIPE, start_new_session=True)
            self.pending = b""
        self.process.stdin.write(os.path.abspath(program).encode() + b"\n")
        self.process.stdin.flush()
        deadline = time.monotonic() + timeout
        while b"\n" not in self.pending:
            remaining = deadline - time.monotonic()
            readable = remaining > 0 and select.select([self.process.stdout], [], [], remaining)[0]
            if not readable:
                self.stop()
                return f"still running after {timeout:g} s (killed)"
            chunk = os.read(self.process.stdout.fileno(), 1 << 16)
            if not chunk:
                status = self.process.wait()
                self.process = None
                return f"the program server exited with status {status}"
            self.pending += chunk
        line, self.pending = self.pending.split(b"\n", 1)
        answer = json.loads(line)
        return answer["stdout"].encode("utf-8"), answer["stderr"], answer["status"]

    def stop(self):
        if self.process is not None:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait()
            self.process = None


def compare(expected, run):
    """Lines describing how `run` differs from `expected`; empty when it matches."""
    if isinstance(run, str):
        return [run]
    stdout, stderr, status = run
    problems = []
    if stdout != expected.stdout:
        old = expected.stdout.decode("utf-8", "replace").splitlines()
        new = stdout.decode("utf-8", "replace").splitlines()
        diff = list(difflib.unified_diff(old, new, "CPython", "interpreter", lineterm="", n=2))
        problems.append("stdout differs:")
        problems.extend("    " + line for line in diff[:DIFF_LINES])
        if len(diff) > DIFF_LINES:
            problems.append(f"    ... {len(diff) - DIFF_LINES} more diff lines")
        if not diff:  # same lines, different line endings or final newline
            problems.append(f"    expected {expected.stdout[-40:]!r}, got {stdout[-40:]!r}")
    if not expected.deadlocks:
        wanted_status = expected.status if expected.status is not None else 0
        if status != wanted_status:
            problems.append(f"exit status {status}, expected {wanted_status}")
        if expected.stderr_line is not None:
            got_line = last_non_empty_line(stderr)
            if got_line != expected.stderr_line:
                problems.append("last stderr line differs:")
                problems.append(f"    expected {expected.stderr_line!r}")
                problems.append(f"    got      {got_line!r}")
        if expected.stderr is not None and stderr != expected.stderr:
            diff = list(difflib.unified_diff(expected.stderr.splitlines(), stderr.splitlines(),
                                             "CPython", "interpreter", lineterm="", n=2))
            problems.append("stderr differs:")
            problems.extend("    " + line for line in diff[:DIFF_LINES])
            if not diff:  # same lines, different line endings or final newline
                problems.append(f"    expected {expected.stderr[-40:]!r}, got {stderr[-40:]!r}")
            return problems  # the diff shows stderr: no tail below
    if problems and stderr.strip():
        tail = [line for line in stderr.splitlines() if line.strip()][-STDERR_TAIL_LINES:]
        problems.append("stderr ended with:")
        problems.extend("    " + line for line in tail)
    return problems


def find_programs(paths):
    """The programs named by `paths` (files, or directories searched recursively)."""
    programs = []
    for path in paths:
        if os.path.isdir(path):
            for directory, subdirectories, names in os.walk(path):
                subdirectories.sort()
                programs.extend(os.path.join(directory, name) for name in sorted(names)
                                if name.endswith(".py"))
        elif path.endswith(".py") and os.path.isfile(path):
            programs.append(path)
        else:
            usage_failure(f"not a .py file or directory: {path}")
    return programs


def repository_path(program):
    """`program` relative to the repository root, as known_failures.txt names it."""
    relative = os.path.relpath(os.path.abspath(program), REPOSITORY)
    return os.path.abspath(program) if relative.startswith("..") else relative


def read_known_failures(path):
    """Maps each listed program (repository-relative path) to its reason."""
    listed = {}
    if not os.path.exists(path):
        return listed
    with open(path, encoding="utf-8") as source:
        for number, line in enumerate(source, 1):
            text = line.strip()
            if not text or text.startswith("#"):
                continue
            program, _, reason = text.partition(" #")
            program = program.strip()
            if not os.path.isfile(os.path.join(REPOSITORY, program)):
                usage_failure(f"{path}:{number}: no such program: {program}")
            listed[program] = reason.strip()
    return listed


def main(argv):
    parser = argparse.ArgumentParser(
        description="Check programs against their CPython 3.11 recordings.")
    parser.add_argument("paths", nargs="*", help="PROGRAM.py files or directories")
    parser.add_argument("--interpreter", default=DEFAULT_INTERPRETER,
                        help="command that runs one program (its path is appended)")
    parser.add_argument("--server", help="command of a program server, one per job")
    parser.add_argument("-j", "--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--timeout", type=float, default=10.0,
                        help="real seconds a program may run (default 10)")
    parser.add_argument("--known-failures", default=os.path.join(REPOSITORY, DEFAULT_KNOWN_FAILURES))
    parser.add_argument("-v", "--verbose", action="store_true")
    options = parser.parse_args(argv)

    paths = options.paths or [os.path.join(REPOSITORY, path) for path in DEFAULT_PATHS]
    programs = find_programs(paths)
    if not programs:
        usage_failure("no programs found")
    interpreter = shlex.split(options.server or options.interpreter)
    if not interpreter:
        usage_failure("--server is empty" if options.server is not None else "--interpreter is empty")
    if not options.server and options.interpreter == DEFAULT_INTERPRETER:
        interpreter[0] = os.path.join(REPOSITORY, interpreter[0])
    if shutil.which(interpreter[0]) is None:
        usage_failure(f"cannot run the interpreter {interpreter[0]!r} (build it, or pass --interpreter)")
    known_failures = read_known_failures(options.known_failures)
    servers = []  # every job's ProgramServer, to stop at the end
    job = threading.local()

    def run_program(program):
        if not options.server:
            return run_one(program, interpreter, options.timeout)
        if not hasattr(job, "server"):
            job.server = ProgramServer(interpreter)
            servers.append(job.server)
        return job.server.run(program, options.timeout)

    def run_against_httpbin(program, base_url):
        with tempfile.TemporaryDirectory(prefix="check_programs_http_") as scratch:
            local = os.path.join(scratch, os.path.basename(program))
            with open(program, encoding="utf-8", newline="") as source, \
                    open(local, "w", encoding="utf-8", newline="") as copy:
                copy.write(httpbin_server.local_source(source.read(), base_url))
            run = run_program(local)
        if isinstance(run, str):
            return run
        stdout, stderr, status = run
        stderr = httpbin_server.placeholder_output(stderr.encode(), base_url).decode()
        return httpbin_server.placeholder_output(stdout, base_url), stderr, status

    def check(program):
        listed = repository_path(program) in known_failures
        if not os.path.exists(program[:-len(".py")] + ".out"):
            return Outcome(program, ["not recorded: run python3 scripts/record_cpython.py "
                                     + program], listed)
        try:
            httpbin = os.environ.get("AWAITPAD_HTTPBIN")
            run = run_against_httpbin(program, httpbin) if httpbin else run_program(program)
        except OSError as error:  # the interpreter could not be started at all
            return Outcome(program, [f"cannot run {interpreter[0]}: {error.strerror}"], listed)
        return Outcome(program, compare(Expected(program), run), listed)

    with concurrent.futures.ThreadPoolExecutor(max(1, options.jobs)) as pool:
        outcomes = list(pool.map(check, programs))
    for server in servers:
        server.stop()

    counts = {"ok": 0, "FAIL": 0, "XFAIL": 0, "XPASS": 0}
    for outcome in outcomes:
        counts[outcome.verdict] += 1
        if outcome.verdict in ("ok", "XFAIL") and not options.verbose:
            continue
        name = repository_path(outcome.program)
        if outcome.verdict == "XPASS":
            print(f"XPASS   {name}: passes now; remove it from known_failures.txt")
        elif outcome.verdict == "XFAIL":
            print(f"XFAIL   {name}  # {known_failures[name]}")
        else:
            print(f"{outcome.verdict:<7} {name}")
        if outcome.verdict == "FAIL":
            for line in outcome.problems:
                print(f"  {line}")
    print(f"{len(outcomes)} programs: {counts['ok']} passed, {counts['FAIL']} failed, "
          f"{counts['XFAIL']} failed as expected, {counts['XPASS']} unexpectedly passed")
    return 0 if counts["FAIL"] == 0 and counts["XPASS"] == 0 else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
