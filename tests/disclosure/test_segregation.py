"""Nobody acts for the office on their own statement (segregation of duties)."""

import pytest

from disclosure.services import conflict_item_add, conflict_resolution_set, review_record, verification_draw
from ethics_office.base.errors import OwnMatter

pytestmark = pytest.mark.django_db


def test_an_officer_cannot_flag_a_conflict_on_their_own_statement(filer_of, officer, officer2):
    """The officer is refused with a clear message; another officer may flag it."""
    own = filer_of("officer")
    with pytest.raises(OwnMatter, match="concerns you"):
        conflict_item_add(
            actor=officer,
            filer_id=own.pk,
            kind="outside_activity",
            description="x",
            recommended_resolution="approval_granted",
        )
    item = conflict_item_add(
        actor=officer2,
        filer_id=own.pk,
        kind="outside_activity",
        description="x",
        recommended_resolution="approval_granted",
    )
    assert item.filer_id == own.pk


def test_an_officer_cannot_resolve_a_conflict_on_their_own_statement(filer_of, officer, officer2):
    own = filer_of("officer")
    item = conflict_item_add(
        actor=officer2,
        filer_id=own.pk,
        kind="financial_interest",
        description="shares",
        recommended_resolution="recusal",
    )
    with pytest.raises(OwnMatter):
        conflict_resolution_set(
            actor=officer, item_id=item.pk, resolution="no_further_action", follow_up="done"
        )
    item.refresh_from_db()
    assert item.resolution != "no_further_action"


def test_an_officer_cannot_record_the_review_of_their_own_statement(filer_of, officer):
    own = filer_of("officer")
    with pytest.raises(OwnMatter):
        review_record(actor=officer, filer_id=own.pk, outcome="no_issue")


def test_a_filer_of_the_cycle_cannot_choose_the_draws_seed(filer_of, officer, officer2, cycle):
    """A chosen seed decides who is drawn: refused to a filer of the cycle, open to anyone else."""
    filer_of("officer")
    filer_of("staff")
    with pytest.raises(OwnMatter):
        verification_draw(actor=officer, cycle_id=cycle.pk, size=1, seed=42)
    assert verification_draw(actor=officer2, cycle_id=cycle.pk, size=1, seed=42).seed == 42
