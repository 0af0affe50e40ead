"""Narratives, reasoning, notes and evidence are unreadable in the database and on disk."""

import pytest
from django.db import connection

from retaliation import services
from retaliation.models import Evidence, ReviewOutcome

from .helpers import PNG, png

pytestmark = pytest.mark.django_db

SECRET = "Mr Smith threatened me after I reported the kickbacks"


def _raw(sql, params):
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchone()


def test_narratives_and_notes_are_ciphertext_in_the_database(make_inquiry, officer):
    inquiry = make_inquiry(classify=True, narrative=SECRET, files=[png()])
    services.case_note_add(actor=officer, inquiry_id=inquiry.pk, text=SECRET)
    services.review_complete(
        actor=officer,
        inquiry_id=inquiry.pk,
        findings=services.ReviewFindings(
            protected_activity_found=True,
            protected_activity_reasoning=SECRET,
            contributing_factor_found=False,
            contributing_factor_reasoning=SECRET,
        ),
        decision=services.ReviewDecision(outcome=ReviewOutcome.NO_PRIMA_FACIE),
        letter_format="docx",
    )
    row = _raw(
        "SELECT narrative, protected_activity_reasoning, contributing_factor_reasoning "
        "FROM retaliation_retaliationinquiry WHERE id = %s",
        [inquiry.pk],
    )
    (note,) = _raw("SELECT text FROM retaliation_casenote WHERE inquiry_id = %s", [inquiry.pk])
    (description,) = _raw(
        "SELECT description FROM retaliation_retaliatoryaction WHERE inquiry_id = %s", [inquiry.pk]
    )
    for value in [*row, note]:
        assert SECRET not in value
        assert value.startswith("gAAAA")  # a Fernet token
    assert "Downgraded" not in description
    inquiry.refresh_from_db()
    assert inquiry.narrative == SECRET  # and the application reads it back


def test_evidence_files_are_encrypted_on_disk(make_inquiry):
    inquiry = make_inquiry(files=[png()])
    evidence = Evidence.objects.get(inquiry=inquiry)
    with open(evidence.file.path, "rb") as handle:
        on_disk = handle.read()
    assert PNG not in on_disk and not on_disk.startswith(b"\x89PNG")
    assert evidence.file.open("rb").read() == PNG
