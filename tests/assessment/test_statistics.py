"""The estimator, its confidence interval, the wave comparison and suppression, against numbers
worked out by hand."""

import math

import pytest

from assessment.estimation import Estimate, compare, stratified, suppress


def test_the_weighted_mean_and_ci_match_the_hand_computed_example():
    """Stratum A: N=100, answers 4, 5, 3 (mean 4, s²=1); stratum B: N=300, answers 2, 3 (mean 2.5, s²=0.5).

    W = 0.25 and 0.75, so the mean is 0.25·4 + 0.75·2.5 = 2.875 (the unweighted mean would be 3.4).
    V = 0.25²·(1−3/100)·1/3 + 0.75²·(1−2/300)·0.5/2 = 0.0202083 + 0.1396875 = 0.1598958,
    SE = 0.399870, 95% CI = 2.875 ± 1.959964·0.399870 = [2.0913, 3.6587].
    """
    est = stratified([(100, [4, 5, 3]), (300, [2, 3])])
    assert est.n == 5
    assert est.mean == pytest.approx(2.875)
    assert est.se**2 == pytest.approx(0.15989583, rel=1e-6)
    assert est.ci_low == pytest.approx(2.0913, abs=1e-4)
    assert est.ci_high == pytest.approx(3.6587, abs=1e-4)


def test_a_share_is_the_same_estimator_over_zero_and_one():
    """Favourable shares 2/3 in A and 0/2 in B: 0.25·2/3 + 0.75·0 = 1/6."""
    est = stratified([(100, [1, 1, 0]), (300, [0, 0])])
    assert est.mean == pytest.approx(1 / 6)


def test_a_stratum_without_respondents_drops_out_and_weights_renormalise():
    est = stratified([(100, [4, 4]), (300, [])])
    assert est.mean == 4 and est.n == 2


def test_nobody_answered_gives_an_empty_estimate():
    assert stratified([(100, [])]) == Estimate.empty()


def test_a_change_is_significant_when_z_exceeds_1_96():
    """Earlier 3.0 (SE 0.1), now 3.3 (SE 0.1): z = 0.3/√0.02 = 2.1213, p = 0.0339: significant.
    Now 3.2: z = 1.4142, p = 0.1573: not significant."""
    earlier = Estimate(100, 3.0, 0.1, None, None)
    change = compare(earlier, Estimate(100, 3.3, 0.1, None, None))
    assert change.z == pytest.approx(2.1213, abs=1e-4)
    assert change.p_value == pytest.approx(0.0339, abs=1e-4)
    assert change.significant
    change = compare(earlier, Estimate(100, 3.2, 0.1, None, None))
    assert change.p_value == pytest.approx(math.erfc(1.41421356 / math.sqrt(2)), abs=1e-6)
    assert not change.significant


def test_one_small_cell_brings_a_second_one_down_with_it():
    """A(4) is under k=10; publishing the total and B, C would give A back, so the smallest
    other cell (C, 12) is hidden too."""
    assert suppress([[("A", 4), ("B", 30), ("C", 12)]], 10) == {"A", "C"}


def test_two_small_cells_that_together_are_still_small_take_a_third():
    """A(3) and B(4) together are 7 < 10: a reader could still learn their sum, so D(15) goes too."""
    assert suppress([[("A", 3), ("B", 4), ("C", 40), ("D", 15)]], 10) == {"A", "B", "D"}


def test_no_small_cell_hides_nothing():
    assert suppress([[("A", 10), ("B", 30)]], 10) == set()


def test_hiding_spreads_across_groups_that_share_a_cell():
    """Rows and columns of a table: hiding A1 for its row makes its column need a second cell too."""
    groups = [[("A1", 3), ("A2", 20)], [("A1", 3), ("B1", 25)]]
    assert suppress(groups, 10) == {"A1", "A2", "B1"}
