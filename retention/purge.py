"""What each record type's purge finds and removes.

A purge keeps the record's own row with the fields the annual report and the audit trail read
(reference, dates, category, kind, status, outcome) and removes the confidential content: the
encrypted columns are emptied, messages, notes and review material are deleted, and private files
are deleted from the store. A `Tombstone` says the content went, and when.
"""

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from django.db.models import Q, QuerySet

from advisory.models import AdviceAttachment, AdviceMessage, AdviceRequest, InternalNote
from advisory.workflow import OPEN as ADVICE_OPEN
from disclosure.models import Correspondence, Filer, FilerQuery, Statement, VerificationDocument
from ethics_office.outbox.models import OutboxMessage
from ethics_office.outbox.models import Status as OutboxStatus
from outreach.models import TrainingSession
from retaliation.models import (
    CaseMessage,
    CaseNote,
    ClockPause,
    CorrectiveMeasure,
    Evidence,
    Letter,
    PanelReviewRequest,
    RetaliationInquiry,
    RetaliatoryAction,
)
from retaliation.workflow import Status as RetaliationStatus

from .models import RecordType


def _delete_with_files(qs: QuerySet) -> None:
    for row in qs.only("pk", "file"):
        if row.file:
            row.file.delete(save=False)
    qs.delete()


# --- advice --------------------------------------------------------------------------------


def _advice_due(cutoff: dt.date) -> QuerySet:
    return AdviceRequest.objects.exclude(status__in=ADVICE_OPEN).filter(updated_at__date__lt=cutoff)


def _advice_purge(pks: list[int]) -> None:
    _delete_with_files(AdviceAttachment.objects.filter(request_id__in=pks))
    AdviceMessage.objects.filter(request_id__in=pks).delete()
    InternalNote.objects.filter(request_id__in=pks).delete()
    AdviceRequest.objects.filter(pk__in=pks).update(question="", advice="", vendor_note="")


# --- financial disclosure ---------------------------------------------------------------------


def _disclosure_due(cutoff: dt.date) -> QuerySet:
    return Filer.objects.filter(cycle__closed_on__isnull=False, cycle__closed_on__lt=cutoff)


def _disclosure_purge(pks: list[int]) -> None:
    Statement.objects.filter(filer_id__in=pks).delete()
    Correspondence.objects.filter(filer_id__in=pks).delete()
    FilerQuery.objects.filter(filer_id__in=pks).delete()
    _delete_with_files(VerificationDocument.objects.filter(filer_id__in=pks))
    Filer.objects.filter(pk__in=pks).update(designation_reason="")


# --- retaliation --------------------------------------------------------------------------------


def _retaliation_due(cutoff: dt.date) -> QuerySet:
    return RetaliationInquiry.objects.filter(
        status__in=[RetaliationStatus.CLOSED, RetaliationStatus.IMPORTED], updated_at__date__lt=cutoff
    )


def _retaliation_purge(pks: list[int]) -> None:
    _delete_with_files(Evidence.objects.filter(inquiry_id__in=pks))
    _delete_with_files(Letter.objects.filter(inquiry_id__in=pks))
    CaseNote.objects.filter(inquiry_id__in=pks).delete()
    CaseMessage.objects.filter(inquiry_id__in=pks).delete()
    RetaliatoryAction.objects.filter(inquiry_id__in=pks).delete()
    # The pauses' dates make the clock the report may read: keep them, drop what was awaited.
    ClockPause.objects.filter(inquiry_id__in=pks).update(reason="")
    CorrectiveMeasure.objects.filter(inquiry_id__in=pks).update(description="")
    PanelReviewRequest.objects.filter(inquiry_id__in=pks).update(reasons="")
    RetaliationInquiry.objects.filter(pk__in=pks).update(
        narrative="",
        protected_activity_reasoning="",
        contributing_factor_reasoning="",
        determination_reasoning="",
    )


# --- training attendance ------------------------------------------------------------------------


def _training_due(cutoff: dt.date) -> QuerySet:
    return TrainingSession.objects.filter(date__lt=cutoff, attendees__isnull=False).distinct()


def _training_purge(pks: list[int]) -> None:
    # The headcount stays (the report counts it); the names of who attended go.
    TrainingSession.attendees.through.objects.filter(trainingsession_id__in=pks).delete()


# --- outbox -------------------------------------------------------------------------------------


def _outbox_due(cutoff: dt.date) -> QuerySet:
    return OutboxMessage.objects.filter(
        Q(status=OutboxStatus.SENT, sent_at__date__lt=cutoff)
        | Q(status=OutboxStatus.FAILED, next_attempt_at__isnull=True, created_at__date__lt=cutoff)
    )


def _outbox_purge(pks: list[int]) -> None:
    OutboxMessage.objects.filter(pk__in=pks).delete()


@dataclass(frozen=True)
class Purger:
    record_type: str
    due: Callable[[dt.date], QuerySet]
    purge: Callable[[list[int]], None]
    reference: Callable | None = None  # queryset -> {pk: reference}
    tombstone: bool = True


def _refs(field: str):
    def refs(qs):
        return dict(qs.values_list("pk", field))

    return refs


PURGERS = {
    p.record_type: p
    for p in [
        Purger(RecordType.ADVICE_REQUEST, _advice_due, _advice_purge, _refs("service_request__ref")),
        Purger(RecordType.DISCLOSURE_FILING, _disclosure_due, _disclosure_purge),
        Purger(
            RecordType.RETALIATION_CASE, _retaliation_due, _retaliation_purge, _refs("service_request__ref")
        ),
        Purger(RecordType.TRAINING_ATTENDANCE, _training_due, _training_purge),
        # A message is deleted whole: nothing of it is reported, and its envelope is personal data.
        Purger(RecordType.OUTBOX_MESSAGE, _outbox_due, _outbox_purge, tombstone=False),
    ]
}
