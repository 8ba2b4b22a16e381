#!/usr/bin/env python3
"""Record what CPython 3.11 prints for the asyncio binding's unit-test programs.

tests/unit/test_asyncio_binding.cpp runs each tests/unit/data/asyncio/NAME.py on the
interpreter and compares its stdout with NAME.out, which this script writes by running
the program on the python3 that runs it (CPython 3.11 is the oracle).

Usage
    python3 scripts/record_asyncio_cases.py
"""

import pathlib
import subprocess
import sys

CASES = pathlib.Path(__file__).resolve().parent.parent / "tests" / "unit" / "data" / "asyncio"


def main():
    if sys.version_info[:2] != (3, 11):
        sys.exit("record_asyncio_cases.py: run it with CPython 3.11")
    for program in sorted(CASES.glob("*.py")):
        finished = subprocess.run([sys.executable, program.name], cwd=CASES, capture_output=True,
                                  check=True)
        program.with_suffix(".out").write_bytes(finished.stdout)
        print(f"recorded {program.with_suffix('.out').name}")


if __name__ == "__main__":
    main()
