import pytest

from advisory import services
from advisory.models import AdviceRequest, Status


def force_status(req: AdviceRequest, status: str) -> AdviceRequest:
    """Put a request in a status directly (test set-up only; the services are under test elsewhere)."""
    AdviceRequest.objects.filter(pk=req.pk).update(status=status)
    req.refresh_from_db()
    return req


@pytest.fixture(autouse=True)
def _roadmap(db):
    """The Roadmap's starting entries (a transactional test's flush removes migration data)."""
    services.roadmap_defaults_load()


@pytest.fixture
def ask(people):
    """ask(user, ...) -> an AdviceRequest submitted through the real service."""

    def _ask(user=None, *, category="outside_activities", question="May I teach a course at a university?"):
        return services.advice_request_submit(
            actor=user or people["staff"], category=category, question=question
        )

    return _ask


@pytest.fixture
def assigned(ask, people):
    """`staff`'s request, assigned to `officer`."""
    req = ask(people["staff"])
    return services.advice_request_assign(
        actor=people["officer"], request_id=req.pk, officer=people["officer"]
    )


@pytest.fixture
def in_progress(assigned, people):
    return services.advice_request_transition(
        actor=people["officer"], request_id=assigned.pk, to=Status.IN_PROGRESS
    )
