"""Weighted estimates, confidence intervals, wave comparison and small-cell suppression.

Pure functions (no database), so they can be checked against a hand-computed example.

Estimator (stratified, design weights w_h = N_h / n_h):
    mean   ȳ = Σ_h W_h ȳ_h            with W_h = N_h / Σ N_h over the strata that answered
    var    V = Σ_h W_h² (1 − n_h/N_h) s_h² / n_h     (s_h² the sample variance, 0 when n_h < 2)
    95% CI ȳ ± 1.96 √V
A share (favourable answers) is the same estimator over 0/1 values. Strata with no
respondents drop out and the weights are renormalised over the rest.
"""

import math
from collections.abc import Iterable
from dataclasses import dataclass

Z95 = 1.959963984540054


@dataclass(frozen=True)
class Estimate:
    n: int
    mean: float | None
    se: float | None
    ci_low: float | None
    ci_high: float | None

    @classmethod
    def empty(cls) -> "Estimate":
        return cls(0, None, None, None, None)


def _mean_var(values: list[float]) -> tuple[float, float]:
    n = len(values)
    mean = sum(values) / n
    var = sum((v - mean) ** 2 for v in values) / (n - 1) if n > 1 else 0.0
    return mean, var


def stratified(strata: Iterable[tuple[int, list[float]]]) -> Estimate:
    """strata: (population N_h, the respondents' values in that stratum)."""
    rows = [(N, values) for N, values in strata if values]
    if not rows:
        return Estimate.empty()
    total_pop = sum(max(N, len(values)) for N, values in rows)
    mean = variance = 0.0
    n = 0
    for N, values in rows:
        N = max(N, len(values))
        n_h = len(values)
        W = N / total_pop
        m_h, s2_h = _mean_var(values)
        mean += W * m_h
        variance += W * W * (1 - n_h / N) * s2_h / n_h
        n += n_h
    se = math.sqrt(variance)
    return Estimate(n, mean, se, mean - Z95 * se, mean + Z95 * se)


@dataclass(frozen=True)
class Change:
    difference: float
    z: float | None
    p_value: float | None
    significant: bool


def compare(earlier: Estimate, later: Estimate) -> Change | None:
    """Independent samples: z = (ȳ₂ − ȳ₁) / √(SE₁² + SE₂²); significant at 5% when |z| > 1.96."""
    if earlier.mean is None or later.mean is None:
        return None
    difference = later.mean - earlier.mean
    se = math.sqrt((earlier.se or 0) ** 2 + (later.se or 0) ** 2)
    if se == 0:
        return Change(difference, None, None, difference != 0)
    z = difference / se
    p = math.erfc(abs(z) / math.sqrt(2))
    return Change(difference, z, p, abs(z) > Z95)


def suppress(groups: Iterable[list[tuple[object, int]]], k: int) -> set:
    """The cell keys to hide. Each group is a list of (key, respondents) whose total is published
    elsewhere (a margin), so hiding one cell alone would let a reader subtract it back out.

    Primary: every cell under k. Complementary: while a group's hidden cells are exactly one, or
    together number fewer than k respondents, hide the smallest visible cell of the group too.
    """
    hidden: set = set()
    groups = [list(g) for g in groups]
    for group in groups:
        hidden |= {key for key, n in group if n < k}
    changed = True
    while changed:
        changed = False
        for group in groups:
            cells_hidden = [(key, n) for key, n in group if key in hidden]
            if not cells_hidden:
                continue
            total_hidden = sum(n for _, n in cells_hidden)
            if len(cells_hidden) == 1 or 0 < total_hidden < k:
                visible = sorted(((n, str(key), key) for key, n in group if key not in hidden))
                if visible:
                    hidden.add(visible[0][2])
                    changed = True
    return hidden
