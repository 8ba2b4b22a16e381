#!/usr/bin/env python3
"""Record what CPython 3.11 prints for test programs, under a virtual clock.

CPython is the oracle (DESIGN.md, Tests): a program's expected output is what
CPython 3.11 printed, recorded by this script, never written by hand.

Usage
    python3 scripts/record_cpython.py [options] PROGRAM.py|DIRECTORY ...

    --check       record again and compare with the files on disk; exit 1 if
                  any differ (nothing is written)
    --real-time   run on CPython's own clock, for programs that talk to the
                  world (HTTP): no virtual clock, no PROGRAM.time
    --timeout S   real seconds a program may take (default 60)
    -j N          programs run in parallel (default: number of CPUs)

A directory stands for the *.py files directly inside it.

What is recorded, next to each PROGRAM.py
    PROGRAM.out   stdout, byte for byte. When the program deadlocks — its event
                  loop would wait forever with no ready callback, no timer and
                  nothing else that could wake it, where CPython would hang —
                  the program is stopped and the last line is the marker
                      --- deadlock ---
    PROGRAM.time  the virtual seconds that passed from interpreter start to
                  the end of the program (or to the deadlock), as Python's
                  repr() of a float and a newline, e.g. "3.0". Omitted when the
                  program ended without running its atexit handlers
                  (os._exit, a signal).
    PROGRAM.err   only when the program exits with a non-zero status or writes
                  anything to stderr; exactly two lines:
                      exit: STATUS
                      stderr: LAST NON-EMPTY LINE OF STDERR
                  STATUS is the exit status; -N means killed by signal N. The
                  stderr line is empty when stderr was. A stale PROGRAM.err is
                  deleted when a new recording has no error.
    PROGRAM.stderr
                  the whole stderr, only for a program whose directory holds
                  a file named FULL_STDERR (tests/programs/bad_input: a syntax
                  error's line, source line and caret column matter as much as
                  its message). Written when stderr is not empty and every
                  traceback frame (`  File "..."`) is main.py's: a traceback
                  through CPython's own library (asyncio/runners.py) cannot
                  match an interpreter whose library is not that Python code,
                  so such a program keeps only its PROGRAM.err. A stale
                  PROGRAM.stderr is deleted.

How a program runs
    Each program runs in its own subprocess of this interpreter, copied into a
    temporary directory as main.py and run from there under the name main.py, so
    tracebacks say File "main.py" as they will in the playground (a small
    `python3 -c` bootstrap installs the virtual clock, then runs main.py in
    __main__ and leaves its own frame out of tracebacks). stdin is empty,
    PYTHONHASHSEED=0 (set orders of str are reproducible) and stdout/stderr
    are UTF-8. main.py is the program's bytes unchanged (CRLF, a BOM, a byte
    that is not UTF-8 are part of a test); the bootstrap compiles their decoded
    text, so a syntax error's column counts characters, as compile() does,
    where `python3 main.py` would count bytes after non-ASCII text; and leaves
    a source that cannot be decoded, or holds a NUL, to `python3 main.py`,
    whose words for those differ from compile()'s.

The virtual clock (mirrors core/host VirtualTimeHost)
    One clock, starting at 0.0, serves loop.time(), time.monotonic(),
    time.perf_counter() and time.time() (the real wall-clock time at start plus
    the clock), and their *_ns variants. The event loop policy makes every loop
    a selector loop whose time() is the clock and whose selector, instead of
    sleeping, jumps the clock to the earliest timer's deadline when no
    callback is ready. time.sleep(d) in the main thread advances the clock by d
    at once: it blocks every task, as in CPython, but costs no real time. CPU
    work costs no virtual time, so only sleeps and timers move the clock and a
    recording is exact and reproducible.

    Two rules make the virtual clock behave like a real one, which always
    moves on between two events; they are also aio::Loop's rules (DESIGN.md
    decision 2), so recordings and the C++ runtime agree:
      - timers with equal deadlines fire in the order they were scheduled.
        With a real clock the later call_at always gets the later deadline;
        under a virtual clock exact ties are common, and CPython's heapq,
        which compares deadlines only, would order them arbitrarily.
      - a timer is due when its deadline <= now. CPython adds the clock's
        1 ns resolution, which under a virtual clock would merge deadlines that
        differ only by float rounding (1.1 + 0.3 and 0.7 + 0.7) into one
        iteration.

    Threads are the exception. While executor work (run_in_executor,
    asyncio.to_thread), a non-asyncio thread or another registered file
    descriptor is in flight, the selector really waits and the clock advances by
    the real time that passed; time.sleep in other threads really sleeps. Such
    recordings are only as reproducible as the real timings.

HTTP programs (tests/http) name their server https://httpbin.org. Record them
with Debian's CPython 3.11, which has aiohttp and requests (python3-aiohttp,
python3-requests), against the local httpbin and in real time:
    scripts/httpbin_server.py -- /usr/bin/python3 scripts/record_cpython.py \
        --real-time tests/http
With AWAITPAD_HTTPBIN set (httpbin_server.py sets it) each program runs with
httpbin.org replaced by the local server, and the output is written back in
terms of httpbin.org.

Seeded `random` is deterministic in CPython, so seeded programs record fine;
unseeded randomness makes --check fail.
"""

import argparse
import concurrent.futures
import difflib
import os
import platform
import re
import subprocess
import sys
import tempfile

DEADLOCK_MARKER = "--- deadlock ---"
REQUIRED_VERSION = (3, 11)

# The `python3 -c` bootstrap of a recorded program (argv: this script, the
# elapsed-time file). It installs the virtual clock, then runs main.py in the
# __main__ namespace compiled as "main.py" — `python3 main.py` would name it by
# its absolute path — and prints an uncaught exception's traceback without
# the bootstrap's own frame, exiting 1 as CPython does. It compiles the decoded
# text (a BOM or coding line chooses the codec), so a syntax error's column
# counts characters: `python3 main.py` (3.11) counts a parser error's column in
# bytes when the file declares no encoding, misplacing the caret after
# non-ASCII text. A source that cannot be decoded or holds a NUL is handed to
# `python3 main.py` itself, whose file reader says so in its own words;
# run_program strips the directory from the absolute path it prints.
_BOOTSTRAP = """\
def _bootstrap():
    import importlib.util, sys
    script, time_file = sys.argv[1:3]
    spec = importlib.util.spec_from_file_location("_awaitpad_recorder", script)
    recorder = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(recorder)
    if time_file:
        recorder.install_virtual_time(time_file)
    sys.argv[:] = ["main.py"]
    sys.path[0] = __import__("os").getcwd()
    namespace = sys.modules["__main__"].__dict__
    del namespace["_bootstrap"]
    namespace["__file__"] = "main.py"
    with open("main.py", "rb") as source:
        data = source.read()
    try:
        # `python3 main.py` refuses a NUL, and a byte its encoding cannot decode
        # even in a comment, in words compile() does not use: its own file
        # reader reports those.
        if b"\\0" in data:
            raise ValueError("NUL")
        import io, tokenize
        text = data.decode(tokenize.detect_encoding(io.BytesIO(data).readline)[0])
    except (SyntaxError, ValueError):  # UnicodeDecodeError is a ValueError
        __import__("os").execv(sys.executable, [sys.executable, "main.py"])
    try:
        code = compile(text, "main.py", "exec")
    except SyntaxError as error:  # printed without a traceback, as CPython does
        error.__traceback__ = None
        sys.excepthook(type(error), error, None)
        sys.exit(1)
    try:
        exec(code, namespace)
    except SystemExit:
        raise
    except BaseException as error:
        error.__traceback__ = error.__traceback__.tb_next  # drop this frame
        # Kept until shutdown, as PyErr_Print keeps them: what the traceback holds (a
        # coroutine never awaited) is freed, and warns, when `python3 main.py`'s would be.
        sys.last_type, sys.last_value, sys.last_traceback = type(error), error, error.__traceback__
        sys.excepthook(type(error), error, error.__traceback__)
        sys.exit(1)
_bootstrap()
"""


# --------------------------------------------------------------------------
# Child side: runs inside the recorded program's interpreter.
# --------------------------------------------------------------------------

def install_virtual_time(time_file):
    """Installs the virtual clock, the loop policy and the time patches.

    The virtual seconds elapsed are written to `time_file` when the program
    ends (atexit) or deadlocks.
    """
    import asyncio
    import atexit
    import heapq
    import itertools
    import math
    import selectors
    import threading
    import time

    real_sleep = time.sleep
    real_monotonic = time.monotonic
    wall_origin = time.time()
    main_thread = threading.main_thread()

    class Clock:
        now = 0.0  # virtual seconds since the program started

    clock = Clock()

    def report_elapsed():
        with open(time_file, "w") as out:
            out.write(repr(clock.now) + "\n")

    def stop_on_deadlock():
        # CPython would wait forever here; record that instead of hanging.
        sys.stdout.flush()
        sys.stdout.write(DEADLOCK_MARKER + "\n")
        sys.stdout.flush()
        report_elapsed()
        os._exit(0)

    def sleep(seconds):
        if threading.current_thread() is not main_thread:
            return real_sleep(seconds)  # see "Threads are the exception"
        if not isinstance(seconds, (int, float)) or seconds < 0:
            return real_sleep(seconds)  # CPython's own TypeError / ValueError
        clock.now += seconds

    time.sleep = sleep
    time.monotonic = lambda: clock.now
    time.perf_counter = lambda: clock.now
    time.time = lambda: wall_origin + clock.now
    time.monotonic_ns = lambda: int(clock.now * 1e9)
    time.perf_counter_ns = lambda: int(clock.now * 1e9)
    time.time_ns = lambda: int((wall_origin + clock.now) * 1e9)

    class VirtualTimeSelector(selectors.DefaultSelector):
        """Jumps the clock instead of sleeping when only timers are pending."""

        loop = None  # the loop that polls this selector

        def waits_on_real_world(self):
            if len(self.get_map()) > 1:  # more than the loop's self-pipe
                return True
            if self.loop is not None and self.loop.executor_calls_in_flight > 0:
                return True
            return any(
                thread is not main_thread and not thread.daemon
                and not thread.name.startswith("asyncio_")  # idle executor workers
                for thread in threading.enumerate())

        def select(self, timeout=None):
            if self.waits_on_real_world():
                started = real_monotonic()
                events = super().select(timeout)
                clock.now += real_monotonic() - started
                self.make_due_mean_not_after_now()
                return events
            if timeout is None:
                stop_on_deadlock()
            if timeout > 0:
                scheduled = self.loop._scheduled if self.loop is not None else None
                if scheduled and timeout < asyncio.base_events.MAXIMUM_SELECT_TIMEOUT:
                    # Land exactly on the deadline, as VirtualTimeHost does.
                    clock.now = max(clock.now, scheduled[0]._when)
                else:
                    clock.now += timeout
            events = super().select(0)  # still deliver self-pipe wakeups
            self.make_due_mean_not_after_now()
            return events

        def make_due_mean_not_after_now(self):
            # _run_once runs the timers with `when < time() + _clock_resolution`
            # right after this select; one ulp makes that `when <= time()`.
            if self.loop is not None:
                self.loop._clock_resolution = math.ulp(clock.now)

    timer_sequence = itertools.count()

    class SequencedTimerHandle(asyncio.TimerHandle):
        """Orders by (deadline, scheduling order), as a real clock would."""

        __slots__ = ["_sequence"]

        def __init__(self, *args):
            super().__init__(*args)
            self._sequence = next(timer_sequence)

        def _key(self):
            return (self._when, self._sequence)

        def __lt__(self, other):
            return self._key() < other._key()

        def __le__(self, other):
            return self._key() <= other._key()

        def __gt__(self, other):
            return self._key() > other._key()

        def __ge__(self, other):
            return self._key() >= other._key()

    class VirtualTimeLoop(asyncio.SelectorEventLoop):
        def __init__(self):
            selector = VirtualTimeSelector()
            self.executor_calls_in_flight = 0  # run_in_executor results not yet back
            super().__init__(selector)
            selector.loop = self

        def time(self):
            return clock.now

        def call_at(self, when, callback, *args, context=None):
            # BaseEventLoop.call_at of 3.11.7 with SequencedTimerHandle.
            if when is None:
                raise TypeError("when cannot be None")
            self._check_closed()
            if self._debug:
                self._check_thread()
                self._check_callback(callback, "call_at")
            timer = SequencedTimerHandle(when, callback, args, self, context)
            if timer._source_traceback:
                del timer._source_traceback[-1]
            heapq.heappush(self._scheduled, timer)
            timer._scheduled = True
            return timer

        def run_in_executor(self, executor, func, *args):
            future = super().run_in_executor(executor, func, *args)
            self.executor_calls_in_flight += 1

            def returned(_):
                self.executor_calls_in_flight -= 1

            future.add_done_callback(returned)
            return future

    class VirtualTimePolicy(asyncio.DefaultEventLoopPolicy):
        _loop_factory = VirtualTimeLoop

    asyncio.set_event_loop_policy(VirtualTimePolicy())
    atexit.register(report_elapsed)  # registered first, so it runs last


# --------------------------------------------------------------------------
# Parent side: runs programs and writes or checks their recordings.
# --------------------------------------------------------------------------

FULL_STDERR_MARKER = "FULL_STDERR"  # a file whose directory's programs record PROGRAM.stderr
TRACEBACK_FRAME = re.compile(r'^  File "(.*)", line \d+', re.MULTILINE)


def wants_full_stderr(program):
    """Whether `program`'s directory asks for PROGRAM.stderr (the FULL_STDERR marker)."""
    return os.path.exists(os.path.join(os.path.dirname(program) or ".", FULL_STDERR_MARKER))


class Recording:
    """What one run of a program produced."""

    def __init__(self, stdout, status, stderr, elapsed, full_stderr=False):
        self.stdout = stdout    # bytes written to stdout
        self.status = status    # exit status; negative: killed by that signal
        self.stderr = stderr    # text written to stderr
        self.elapsed = elapsed  # text of PROGRAM.time, or None if unreported
        self.full_stderr = full_stderr  # the directory asks for PROGRAM.stderr

    def stderr_text(self):
        """The PROGRAM.stderr contents, or None (see the module docstring)."""
        if not self.full_stderr or not self.stderr:
            return None
        frames = TRACEBACK_FRAME.findall(self.stderr)
        if any(frame != "main.py" for frame in frames):
            return None
        return self.stderr

    def err_text(self):
        """The PROGRAM.err contents, or None when the run had no error."""
        lines = [line for line in self.stderr.splitlines() if line.strip()]
        if self.status == 0 and not lines:
            return None
        last = lines[-1] if lines else ""
        return f"exit: {self.status}\nstderr: {last}\n"


class RecordingFailed(Exception):
    pass


def run_program(path, timeout, real_time):
    """Runs `path` as main.py (under the virtual clock unless `real_time`); returns a
    Recording."""
    import httpbin_server  # here: the child side, this file loaded in the program, has no need
    script = os.path.abspath(__file__)
    httpbin = os.environ.get("AWAITPAD_HTTPBIN")
    with tempfile.TemporaryDirectory(prefix="record_cpython_") as scratch:
        program_dir = os.path.join(scratch, "program")
        os.mkdir(program_dir)
        with open(path, "rb") as source:
            text = source.read()  # bytes: a bad byte, a BOM or a CR is part of the test
        if httpbin:
            text = httpbin_server.local_source(text.decode("utf-8"), httpbin).encode("utf-8")
        main_path = os.path.join(program_dir, "main.py")
        with open(main_path, "wb") as program:
            program.write(text)
        time_file = "" if real_time else os.path.join(scratch, "elapsed")

        env = dict(os.environ)
        for name in ("PYTHONPATH", "PYTHONSTARTUP", "PYTHONINSPECT", "PYTHONASYNCIODEBUG",
                     "PYTHONDEVMODE", "PYTHONWARNINGS"):
            env.pop(name, None)
        env.update({
            "PYTHONHASHSEED": "0",
            "PYTHONIOENCODING": "utf-8",
            "PYTHONDONTWRITEBYTECODE": "1",
        })
        try:
            done = subprocess.run(
                [sys.executable, "-c", _BOOTSTRAP, script, time_file], cwd=program_dir, env=env,
                stdin=subprocess.DEVNULL, capture_output=True, timeout=timeout)
        except subprocess.TimeoutExpired:
            raise RecordingFailed(f"still running after {timeout:g} real seconds")
        elapsed = None
        if time_file and os.path.exists(time_file):
            with open(time_file) as source:
                elapsed = source.read()
        stdout, stderr = done.stdout, done.stderr.replace(main_path.encode(), b"main.py")
        if httpbin:
            stdout = httpbin_server.placeholder_output(stdout, httpbin)
            stderr = httpbin_server.placeholder_output(stderr, httpbin)
        return Recording(stdout, done.returncode, stderr.decode("utf-8", "replace"), elapsed,
                         wants_full_stderr(path))


def recorded_paths(program):
    stem = program[:-len(".py")]
    return stem + ".out", stem + ".err", stem + ".time", stem + ".stderr"


def read_or_none(path, binary=False):
    if not os.path.exists(path):
        return None
    if binary:
        with open(path, "rb") as source:
            return source.read()
    with open(path, encoding="utf-8", newline="") as source:
        return source.read()


def write_or_delete(path, content):
    if content is None:
        if os.path.exists(path):
            os.remove(path)
        return
    if isinstance(content, bytes):
        with open(path, "wb") as out:
            out.write(content)
        return
    with open(path, "w", encoding="utf-8", newline="") as out:
        out.write(content)


def differences(program, recording):
    """Lines describing where the files on disk differ from `recording`."""
    out_path, err_path, time_path, stderr_path = recorded_paths(program)
    found = []
    old_out = read_or_none(out_path, binary=True)
    if old_out != recording.stdout:
        old_lines = (old_out or b"").decode("utf-8", "replace").splitlines()
        new_lines = recording.stdout.decode("utf-8", "replace").splitlines()
        diff = list(difflib.unified_diff(old_lines, new_lines, out_path, "CPython now",
                                         lineterm=""))
        found.append(f"{out_path} differs" if old_out is not None else f"{out_path} missing")
        found.extend("    " + line for line in diff[:40])
    for path, new in ((err_path, recording.err_text()), (time_path, recording.elapsed),
                      (stderr_path, recording.stderr_text())):
        old = read_or_none(path)
        if old != new:
            found.append(f"{path}: recorded {old!r}, CPython now {new!r}")
    return found


def expand(arguments):
    programs = []
    for argument in arguments:
        if os.path.isdir(argument):
            programs.extend(sorted(os.path.join(argument, name) for name in os.listdir(argument)
                                   if name.endswith(".py")))
        elif argument.endswith(".py") and os.path.isfile(argument):
            programs.append(argument)
        else:
            raise SystemExit(f"record_cpython.py: not a .py file or directory: {argument}")
    return programs


def main(argv):
    if platform.python_implementation() != "CPython" or sys.version_info[:2] != REQUIRED_VERSION:
        wanted = ".".join(map(str, REQUIRED_VERSION))
        sys.exit(f"record_cpython.py: the oracle is CPython {wanted}; this is "
                 f"{platform.python_implementation()} {platform.python_version()}. "
                 f"Run it with python{wanted}.")
    parser = argparse.ArgumentParser(
        description="Record CPython 3.11 outputs of test programs under a virtual clock.")
    parser.add_argument("programs", nargs="+", help="PROGRAM.py files or directories")
    parser.add_argument("--check", action="store_true",
                        help="compare with the recorded files instead of writing them")
    parser.add_argument("--timeout", type=float, default=60.0,
                        help="real seconds a program may run (default 60)")
    parser.add_argument("--real-time", action="store_true",
                        help="no virtual clock (HTTP programs); writes no PROGRAM.time")
    parser.add_argument("-j", "--jobs", type=int, default=os.cpu_count() or 1,
                        help="programs run in parallel")
    options = parser.parse_args(argv)
    programs = expand(options.programs)

    def attempt(program):
        try:
            return run_program(program, options.timeout, options.real_time)
        except RecordingFailed as failure:
            return failure

    with concurrent.futures.ThreadPoolExecutor(max(1, options.jobs)) as pool:
        outcomes = list(pool.map(attempt, programs))

    failed = 0
    for program, outcome in zip(programs, outcomes):
        if isinstance(outcome, RecordingFailed):
            failed += 1
            print(f"FAILED  {program}: {outcome}")
            continue
        deadlocked = outcome.stdout.endswith((DEADLOCK_MARKER + "\n").encode())
        note = " (deadlock)" if deadlocked else ""
        if outcome.status != 0:
            note += f" (exit {outcome.status})"
        elif outcome.err_text():
            note += " (wrote to stderr)"
        if options.check:
            found = differences(program, outcome)
            if found:
                failed += 1
                print(f"STALE   {program}")
                for line in found:
                    print(f"  {line}")
            else:
                print(f"ok      {program}{note}")
        else:
            out_path, err_path, time_path, stderr_path = recorded_paths(program)
            write_or_delete(out_path, outcome.stdout)
            write_or_delete(err_path, outcome.err_text())
            write_or_delete(time_path, outcome.elapsed)
            write_or_delete(stderr_path, outcome.stderr_text())
            clock = f"  [{outcome.elapsed.strip()} s virtual]" if outcome.elapsed else ""
            print(f"wrote   {program}{note}{clock}")
    if failed:
        verb = "are stale or failed" if options.check else "failed"
        print(f"{failed} of {len(programs)} programs {verb}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
