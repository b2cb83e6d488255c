"""Shared by the end-to-end Python tests: where mimeo and the project are, and a failure
list that `check` and `fail` add to and `finish` reports (exit 1 when anything failed)."""
import os
import subprocess
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


CHECK_FEED = os.path.join(ROOT, "..", "shared", "validators", "check-feed")


def check_feed(path, url, label):
    """The W3C feed validator's verdict on the feed at `path` (served at `url`); a line saying
    so when ../shared, which holds it, is absent."""
    if not os.path.exists(CHECK_FEED):
        print(f"SKIP: {CHECK_FEED} is absent; {label} was not given to the W3C feed validator")
        return
    result = subprocess.run([CHECK_FEED, path, url], capture_output=True, text=True)
    check(result.returncode == 0, f"{label}: the W3C feed validator: {result.stdout}{result.stderr}")


def finish(name):
    if failures:
        print(f"{name}: {len(failures)} failures")
        sys.exit(1)
    print(f"{name}: ok")
