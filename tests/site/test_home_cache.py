"""The home page's cached panels (issue 17): per person and roles, and never stale after a write."""

import pytest

from advisory import services as advisory
from ethics_office.site import home_cache
from tests.queries import count_queries, get_ok

pytestmark = pytest.mark.django_db


def _untriaged(page: str) -> str:
    return page.split("Waiting for triage: ", 1)[1].split("<", 1)[0].strip()


@pytest.mark.parametrize("who", ["officer", "director", "staff", "focalpoint"])
def test_a_warm_home_page_computes_no_panel(who, people, client_for):
    client = client_for(who)
    get_ok(client, "/")
    cold = count_queries(lambda: get_ok(client, "/"))
    home_cache._bump()  # a new data version: the panels are computed again
    recomputed = count_queries(lambda: get_ok(client, "/"))
    warm = count_queries(lambda: get_ok(client, "/"))
    assert len(warm) < len(recomputed) and len(cold) == len(warm)
    assert len(warm) <= 8, warm


def test_a_new_request_moves_the_officers_count_on(people, client_for):
    officer = client_for("officer")
    before = _untriaged(get_ok(officer, "/").content.decode())
    advisory.advice_request_submit(actor=people["staff"], category="other", question="A new question")
    after = _untriaged(get_ok(officer, "/").content.decode())
    assert int(after) == int(before) + 1


def test_writes_audited_without_signals_move_the_version_on_and_reads_do_not(people):
    """`QuerySet.update` sends no signal; the audit event every service records moves the version on."""
    from ethics_office.audit.models import Action
    from ethics_office.audit.services import audit_record

    version = home_cache.version()
    audit_record(
        actor=people["officer"], action=Action.VIEW, object_type="advisory.advicerequest", object_id=1
    )
    assert home_cache.version() == version
    audit_record(
        actor=people["officer"], action=Action.UPDATE, object_type="advisory.advicerequest", object_id=1
    )
    assert home_cache.version() > version


def test_panels_are_kept_per_person_and_never_shown_to_another(people, client_for):
    advisory.advice_request_submit(actor=people["staff"], category="other", question="Mine")
    staff = get_ok(client_for("staff"), "/").content.decode()
    other = get_ok(client_for("staff2"), "/").content.decode()
    assert "My advice requests" in staff
    # The staff member's open request is counted for them only.
    assert staff != other


def test_a_change_of_roles_is_a_different_entry(people):
    from ethics_office.base.roles import Role

    staff = people["staff"]
    as_staff = home_cache.panels_for(staff, frozenset({Role.STAFF}))
    as_officer = home_cache.panels_for(staff, frozenset({Role.STAFF, Role.OFFICER}))
    titles = lambda panels: {str(p.title) for p in panels}  # noqa: E731
    assert "Advice queue" not in titles(as_staff) and "Advice queue" in titles(as_officer)
    assert titles(home_cache.panels_for(staff, frozenset({Role.STAFF}))) == titles(as_staff)


# The queries of a home page computed afresh (cold), by role: the session, the user and their
# roles, each app's panels (the advice queue's four counts in one query, the person's own two in
# another, the retaliation lists in one, the Panel's meetings in one) and the person. A new query
# here is a choice: count it in (docs/performance.md, "Cold openings"; before: 25, 27, 12 and 13).
COLD_HOME_QUERIES = {"officer": 19, "director": 21, "staff": 11, "focalpoint": 12}


@pytest.mark.parametrize("who", sorted(COLD_HOME_QUERIES))
def test_a_cold_home_page_makes_a_known_number_of_queries(who, people, client_for):
    """The panels computed afresh cost a fixed number of queries for each role."""
    client = client_for(who)
    get_ok(client, "/")
    home_cache._bump()
    queries = count_queries(lambda: get_ok(client, "/"))
    assert len(queries) == COLD_HOME_QUERIES[who], "\n".join(q[:150] for q in queries)
