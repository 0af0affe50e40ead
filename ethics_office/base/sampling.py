"""Stratified random sampling with a stored seed: allocation by largest remainder (Hamilton),
proportional or equal, then a reproducible draw within each stratum.

Pure functions over (id, stratum) pairs and stratum sizes, so a draw can be replayed from its
seed. Used by the financial disclosure programme's verification draw and by the ethics risk
assessment's sample. Imports nothing of the project.
"""

import random
from collections.abc import Callable
from fractions import Fraction

Allocation = dict[str, int]


def allocate(sizes: dict[str, int], n: int) -> Allocation:
    """Split n across strata in proportion to their sizes (Hamilton / largest remainder).

    Ties in the remainder go to the larger stratum, then the stratum key, so the result is
    deterministic.
    """
    total = sum(sizes.values())
    n = min(n, total)
    if total == 0 or n == 0:
        return dict.fromkeys(sizes, 0)
    quotas = {key: Fraction(size * n, total) for key, size in sizes.items()}
    allocation = {key: int(q) for key, q in quotas.items()}
    left = n - sum(allocation.values())
    order = sorted(sizes, key=lambda k: (-(quotas[k] - allocation[k]), -sizes[k], k))
    for key in order[:left]:
        allocation[key] += 1
    return allocation


def allocate_equal(sizes: dict[str, int], n: int, minimum: int = 0) -> Allocation:
    """Split n equally across strata, never more than a stratum holds (what a small stratum
    cannot take goes to the others), then raise every stratum to `minimum` (or its whole size).

    The total can exceed n when the minimum asks for more; the result is deterministic.
    """
    total = sum(sizes.values())
    n = min(n, total)
    allocation = dict.fromkeys(sizes, 0)
    left = n
    open_keys = sorted(k for k, size in sizes.items() if size > 0)
    while left > 0 and open_keys:
        share, extra = divmod(left, len(open_keys))
        # Larger strata take the odd units first, then the key decides.
        ranked = sorted(open_keys, key=lambda k: (-sizes[k], k))
        for i, key in enumerate(ranked):
            want = share + (1 if i < extra else 0)
            give = min(want, sizes[key] - allocation[key])
            allocation[key] += give
            left -= give
        open_keys = [k for k in open_keys if allocation[k] < sizes[k]]
    for key, size in sizes.items():
        allocation[key] = max(allocation[key], min(size, minimum))
    return allocation


def stratified_sample(
    population: list[tuple[int, str]],
    n: int,
    seed: int,
    *,
    allocator: Callable[[dict[str, int], int], Allocation] = allocate,
) -> tuple[Allocation, list[int]]:
    """Return (allocation by stratum, sorted sampled ids); the same inputs and seed give the same sample."""
    strata: dict[str, list[int]] = {}
    for pk, stratum in population:
        strata.setdefault(stratum, []).append(pk)
    allocation = allocator({k: len(v) for k, v in strata.items()}, n)
    rng = random.Random(seed)
    sampled: list[int] = []
    for key in sorted(strata):
        members = sorted(strata[key])
        sampled.extend(rng.sample(members, allocation[key]))
    return {k: v for k, v in sorted(allocation.items())}, sorted(sampled)
