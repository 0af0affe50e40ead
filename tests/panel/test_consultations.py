import pytest
from django.http import Http404

from ethics_office.audit.models import AuditEvent
from ethics_office.base.errors import ApplicationError
from panel.models import Consultation, ConsultationKind, ConsultationStatus
from panel.permissions import access_consultation
from panel.services import consultation_open, consultation_share, consultation_transition

pytestmark = pytest.mark.django_db


def test_a_determination_review_opens_from_another_app(staff, officer):
    """The retaliation app opens a review for a complainant; the office sees it, it is audited."""
    c = consultation_open(
        actor=staff,
        kind="determination_review",
        title="Review of determination PR-2026-0001",
        source_app="retaliation",
        source_ref="PR-2026-0001",
        summary="The complainant disagrees with the finding.",
    )
    c.refresh_from_db()
    assert c.ref.startswith("EPC-")
    assert c.kind == ConsultationKind.DETERMINATION_REVIEW
    assert c.status == ConsultationStatus.OPEN
    assert c.summary == "The complainant disagrees with the finding."
    assert access_consultation(officer, c.pk) == c
    assert AuditEvent.objects.filter(object_type="panel.consultation", object_id=str(c.pk)).exists()


def test_an_unknown_kind_is_refused(officer):
    """Only the three kinds of consultation exist."""
    with pytest.raises(ApplicationError):
        consultation_open(actor=officer, kind="gossip", title="x")
    assert not Consultation.objects.exists()


def test_panel_members_see_a_consultation_only_once_shared(officer, panel_member, staff):
    """A panel member gets 404 until the office shares the consultation; staff never see it."""
    c = consultation_open(actor=officer, kind="case_consultation", title="Case from UNDP")
    with pytest.raises(Http404):
        access_consultation(panel_member, c.pk)
    consultation_share(actor=officer, consultation_id=c.pk, users=[panel_member])
    assert access_consultation(panel_member, c.pk) == c
    with pytest.raises(Http404):
        access_consultation(staff, c.pk)
    with pytest.raises(Http404):
        access_consultation(panel_member, c.pk, for_write=True)


def test_sharing_with_a_non_member_is_refused(officer, staff):
    """Confidential material goes only to panel members."""
    c = consultation_open(actor=officer, kind="referral_45_day", title="Referral")
    with pytest.raises(ApplicationError):
        consultation_share(actor=officer, consultation_id=c.pk, users=[staff])
    assert not c.shared_with.exists()


def test_closing_needs_an_outcome(officer):
    """A consultation closes only with an outcome, and can be reopened."""
    c = consultation_open(actor=officer, kind="case_consultation", title="Case")
    with pytest.raises(ApplicationError):
        consultation_transition(actor=officer, consultation_id=c.pk, to="closed")
    consultation_transition(actor=officer, consultation_id=c.pk, to="closed", outcome="advice_given")
    c.refresh_from_db()
    assert (c.status, c.outcome) == ("closed", "advice_given")
    consultation_transition(actor=officer, consultation_id=c.pk, to="open")
    c.refresh_from_db()
    assert (c.status, c.outcome) == ("open", "")
