"""A statement's sections have limits: lines per section and characters per line, named on refusal."""

import pytest
from django.urls import reverse

from disclosure import services
from disclosure.services.common import SECTION_LINES_MAX
from ethics_office.base.errors import ApplicationError
from ethics_office.base.limits import LINE_MAX

pytestmark = pytest.mark.django_db


def test_too_many_lines_in_a_section_are_refused_naming_the_section(staff, staff_filer):
    statement = services.statement_start(actor=staff, filer_id=staff_filer.pk)
    with pytest.raises(ApplicationError, match="at most 200") as refused:
        services.statement_save(
            actor=staff, statement_id=statement.pk, contents={"gifts": ["a gift"] * (SECTION_LINES_MAX + 1)}
        )
    assert refused.value.field == "gifts"


def test_an_overlong_line_is_a_form_error_and_the_draft_is_kept(staff, staff_filer, client_for):
    statement = services.statement_start(actor=staff, filer_id=staff_filer.pk)
    services.statement_save(actor=staff, statement_id=statement.pk, contents={"assets": ["A flat in Geneva"]})
    response = client_for("staff").post(
        reverse("disclosure-statement-edit", kwargs={"pk": staff_filer.pk}),
        {"assets": "x" * (LINE_MAX + 1), "liabilities": "", "income": "", "relatives": "", "gifts": ""},
    )
    assert response.status_code == 200 and "at most 500" in response.content.decode()
    statement.refresh_from_db()
    assert statement.contents["assets"] == ["A flat in Geneva"]
