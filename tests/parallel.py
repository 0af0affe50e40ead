"""The suite runs in parallel processes (pytest-xdist: gw0, gw1, ...). Servers a test starts on a
fixed port get a port of their own process, so two processes never meet on one."""

import os


def worker_index() -> int:
    return int(os.environ.get("PYTEST_XDIST_WORKER", "gw0").removeprefix("gw") or 0)


def own_port(base: int) -> int:
    """`base` in the first process, base + 10 in the second, ..."""
    return base + 10 * worker_index()
