"""Shared by the end-to-end Python tests: where mimeo and the project are, and a failure
list that `check` and `fail` add to and `finish` reports (exit 1 when anything failed)."""
import os
import sys

MIMEO = os.path.abspath(os.environ.get("MIMEO", "build/mimeo"))
ROOT = os.environ.get("MIMEO_ROOT", os.getcwd())
failures = []


def check(condition, message):
    if not condition:
        failures.append(message)
        print("FAIL:", message, flush=True)


def fail(message):
    check(False, message)


def finish(name):
    if failures:
        print(f"{name}: {len(failures)} failures")
        sys.exit(1)
    print(f"{name}: ok")
