"""A response cannot be tied to a person, a user or an invitation: by schema, by content, by time."""

import datetime as dt

import pytest
from django.db import connection, models

from assessment.models import Answer, Invitation, Response
from ethics_office.audit.models import AuditEvent

from .conftest import answer, staff_in, tokens_for, wave

pytestmark = pytest.mark.django_db


def test_the_response_tables_reference_no_person_user_or_invitation():
    """No foreign key (nor any relation) from a response or an answer to a person, user or invitation."""
    forbidden = {"organisation.person", "auth.user", "assessment.invitation"}
    for model in (Response, Answer):
        for field in model._meta.get_fields():
            if field.is_relation and field.related_model is not None:
                assert field.related_model._meta.label_lower not in forbidden, (model, field.name)
    # And no time of day anywhere on a response: the date only.
    assert not any(
        isinstance(f, models.DateTimeField) for f in Response._meta.get_fields() if hasattr(f, "column")
    )
    assert isinstance(Response._meta.get_field("submitted_on"), models.DateField)
    # The invitation keeps no time of use either.
    assert not any(isinstance(f, models.DateTimeField) for f in Invitation._meta.concrete_fields)


def test_nothing_stored_about_a_response_repeats_its_invitation(officer, director, instrument):
    """After answering, the invitation's token is gone and no column of the response or its answers
    holds the token, its hash, the invitation id or the person id."""
    staff_in("MONUSCO", 2)
    a = wave(officer, director, instrument, ["MONUSCO"], 2)
    token = tokens_for(a)[0]
    from assessment.services.waves import token_hash

    invitation = Invitation.objects.get(token_hash=token_hash(token))
    answer(token, comment="A private remark")
    invitation.refresh_from_db()
    assert invitation.used and invitation.token_hash == ""
    response = Response.objects.get()
    with connection.cursor() as cursor:
        cursor.execute("SELECT * FROM assessment_response")
        stored = [str(v) for row in cursor.fetchall() for v in row]
        cursor.execute("SELECT * FROM assessment_answer")
        stored += [str(v) for row in cursor.fetchall() for v in row]
    for secret in (token, token_hash(token), str(invitation.person_id), invitation.person.index_number):
        assert secret not in stored
    assert str(invitation.pk) not in {str(response.pk), *[str(x.pk) for x in response.answers.all()]}
    # Free text is encrypted at rest.
    assert "A private remark" not in stored
    assert Answer.objects.get(item__code="comment").text == "A private remark"


def test_two_respondents_of_one_stratum_are_indistinguishable_but_for_their_answers(
    officer, director, instrument
):
    """Both responses carry the same assessment, stratum and date; nothing says which invitation was whose."""
    staff_in("MONUSCO", 2)
    a = wave(officer, director, instrument, ["MONUSCO"], 2)
    first, second = tokens_for(a)
    answer(first, speak=1)
    answer(second, speak=5)
    rows = list(Response.objects.values("assessment_id", "stratum_id", "submitted_on"))
    assert rows[0] == rows[1]
    assert rows[0]["submitted_on"] == dt.date.today()
    assert list(Invitation.objects.filter(assessment=a).values_list("used", "token_hash")) == [(True, "")] * 2


def test_answering_writes_no_audit_event(officer, director, instrument):
    """An audit event's timestamp and object id would be the join we refuse to store."""
    staff_in("MONUSCO", 1)
    a = wave(officer, director, instrument, ["MONUSCO"], 1)
    token = tokens_for(a)[0]
    before = AuditEvent.objects.count()
    answer(token)
    assert AuditEvent.objects.count() == before


def test_no_database_transaction_id_pairs_a_response_with_its_invitation(
    officer, director, instrument, django_capture_on_commit_callbacks
):
    """PostgreSQL stamps each row with the id of the transaction that wrote it (xmin). The response
    and the used invitation are written together, so the stratum's invitations are re-stamped in a
    transaction of their own right after: no invitation carries a response's stamp."""
    staff_in("MONUSCO", 3)
    a = wave(officer, director, instrument, ["MONUSCO"], 3)
    tokens = tokens_for(a)
    for token in tokens[:2]:
        with django_capture_on_commit_callbacks(execute=True):
            answer(token)
    with connection.cursor() as cursor:
        cursor.execute("SELECT xmin::text FROM assessment_response")
        responses = {row[0] for row in cursor.fetchall()}
        cursor.execute("SELECT xmin::text FROM assessment_answer")
        responses |= {row[0] for row in cursor.fetchall()}
        cursor.execute("SELECT xmin::text FROM assessment_invitation WHERE assessment_id = %s", [a.pk])
        invitations = {row[0] for row in cursor.fetchall()}
    assert len(responses) == 2
    assert responses.isdisjoint(invitations)
