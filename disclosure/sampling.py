"""Stratified random sampling for verification: proportional allocation by largest remainder.

Pure functions over (id, stratum) pairs, so a draw can be replayed from its stored seed.
"""

import random
from fractions import Fraction

GRADE_BANDS = {
    "G": "G",
    "P-1": "P1-P3",
    "P-2": "P1-P3",
    "P-3": "P1-P3",
    "P-4": "P4-P5",
    "P-5": "P4-P5",
    "D-1": "D1-D2",
    "D-2": "D1-D2",
    "ASG": "ASG-USG",
    "USG": "ASG-USG",
}


def stratum_of(grade: str, entity_code: str, duty_station_code: str) -> str:
    return f"{GRADE_BANDS.get(grade, grade)}|{entity_code}|{duty_station_code}"


def allocate(sizes: dict[str, int], n: int) -> dict[str, int]:
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


def stratified_sample(
    population: list[tuple[int, str]], n: int, seed: int
) -> tuple[dict[str, int], list[int]]:
    """Return (allocation by stratum, sorted sampled ids); the same inputs and seed give the same sample."""
    strata: dict[str, list[int]] = {}
    for pk, stratum in population:
        strata.setdefault(stratum, []).append(pk)
    allocation = allocate({k: len(v) for k, v in strata.items()}, n)
    rng = random.Random(seed)
    sampled: list[int] = []
    for key in sorted(strata):
        members = sorted(strata[key])
        sampled.extend(rng.sample(members, allocation[key]))
    return {k: v for k, v in sorted(allocation.items())}, sorted(sampled)
