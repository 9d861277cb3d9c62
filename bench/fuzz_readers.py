"""The long run of the hostile-input fuzzer (tests/test_hostile.py): 2,000 examples per
property instead of CI's 40 fixed ones, each run of the CLI held to the same bound.

    python3 bench/fuzz_readers.py [--examples 2000] [pytest options]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--examples", type=int, default=2000)
    args, rest = parser.parse_known_args()
    command = [sys.executable, "-m", "pytest", "tests/test_hostile.py", "-q", "-k", "any_",
               "-p", "no:cacheprovider", "--hypothesis-show-statistics", *rest]  # fmt: skip
    env = {k: v for k, v in os.environ.items() if k != "CI"}
    env.update(HYPOTHESIS_PROFILE="long", FUZZ_EXAMPLES=str(args.examples))
    sys.exit(subprocess.call(command, cwd=ROOT, env=env))


if __name__ == "__main__":
    main()
