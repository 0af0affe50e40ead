"""Who a complaint is about, and what files are called, never stand in clear in the database or on disk."""

import datetime as dt
import os

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.utils import timezone

from advisory import services as advisory_services
from retaliation import services
from retaliation.models import Evidence

from .helpers import PNG

pytestmark = pytest.mark.django_db

MARKER = "Smith-7Q4M"


def _text_columns():
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT table_name, column_name FROM information_schema.columns "
            "WHERE table_schema = 'public' AND data_type IN ('text', 'character varying', 'jsonb')"
        )
        return cursor.fetchall()


def _rows_holding(marker):
    """What a pg_dump would show: every text column of every table searched for the marker."""
    found = []
    with connection.cursor() as cursor:
        for table, column in _text_columns():
            cursor.execute(f'SELECT count(*) FROM "{table}" WHERE "{column}"::text LIKE %s', [f"%{marker}%"])
            if cursor.fetchone()[0]:
                found.append(f"{table}.{column}")
    return found


def test_a_dump_of_the_database_names_nobody_and_no_file(people):
    """Whom the staff member reported to, who retaliated, and the file names: all ciphertext."""
    advisory_services.roadmap_defaults_load()
    inquiry = services.inquiry_request(
        actor=people["staff"],
        protected_activity="reported_misconduct",
        reported_to=f"J. {MARKER}, Chief",
        reported_on=timezone.localdate() - dt.timedelta(days=20),
        narrative="I reported fraud.",
        actions=[
            {
                "occurred_on": timezone.localdate() - dt.timedelta(days=5),
                "taken_by": f"J. {MARKER}",
                "description": "Moved me out of my post",
            }
        ],
        files=[SimpleUploadedFile(f"complaint-against-{MARKER}.png", PNG, content_type="image/png")],
    )
    advisory_services.advice_request_submit(
        actor=people["staff"],
        category="other",
        question="Is this allowed?",
        files=[SimpleUploadedFile(f"letter-from-{MARKER}.png", PNG, content_type="image/png")],
    )
    assert _rows_holding(MARKER) == []
    evidence = Evidence.objects.get(inquiry=inquiry)
    assert evidence.original_name == f"complaint-against-{MARKER}.png"  # the application still reads it
    assert inquiry.actions.get().taken_by == f"J. {MARKER}"


def test_private_files_are_stored_under_random_names(people):
    """The folder holds no trace of the name a person gave the file."""
    services.inquiry_request(
        actor=people["staff"],
        protected_activity="reported_misconduct",
        reported_to="OIOS",
        reported_on=timezone.localdate() - dt.timedelta(days=20),
        narrative="I reported fraud.",
        actions=[
            {
                "occurred_on": timezone.localdate(),
                "taken_by": "a manager",
                "description": "Moved me out of my post",
            }
        ],
        files=[SimpleUploadedFile(f"complaint-against-{MARKER}.png", PNG, content_type="image/png")],
    )
    names = [name for _root, _dirs, files in os.walk(settings.PRIVATE_MEDIA_ROOT) for name in files]
    assert names and not any(MARKER in name or name.endswith(".png") for name in names)
