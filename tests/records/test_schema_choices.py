"""The import format's code lists are the models' choices: a code added to one is added to the other."""

import pytest

from disclosure.models import ConflictKind, PublicDisclosureChoice, Resolution
from ethics_office.organisation.models import EntityGroup, Grade
from outreach.models import Course, TrainingKind
from reports.models import Baseline
from reports.records import schema
from retaliation.models import InquiryKind, ReviewOutcome

# Codes a live case may carry but imported history never does.
LIVE_ONLY = {InquiryKind: {InquiryKind.UNCLASSIFIED}}

PAIRS = {
    "GROUPS": EntityGroup,
    "GRADES": Grade,
    "INQUIRY_KINDS": InquiryKind,
    "REVIEW_OUTCOMES": ReviewOutcome,
    "CONFLICT_KINDS": ConflictKind,
    "RESOLUTIONS": Resolution,
    "DISCLOSURE_CHOICES": PublicDisclosureChoice,
    "TRAINING_KINDS": TrainingKind,
    "COURSES": Course,
}


@pytest.mark.parametrize("name", PAIRS, ids=list(PAIRS))
def test_the_schema_code_list_equals_the_model_choices(name):
    """Same codes, in the same order as the model declares them (the order the documentation lists)."""
    choices = PAIRS[name]
    expected = [v for v in choices.values if v not in LIVE_ONLY.get(choices, set())]
    assert list(getattr(schema, name)) == expected


def test_the_baseline_metrics_are_the_model_choices():
    assert list(schema.BASELINE_METRICS) == [
        code for code, _label in Baseline._meta.get_field("metric").choices
    ]


def test_every_choice_checked_by_the_schema_uses_a_listed_code_set():
    """Each field the schema checks against a fixed list checks against one of the lists above."""
    lists = {tuple(getattr(schema, n)) for n in [*PAIRS, "BASELINE_METRICS"]}
    for rtype, fields in schema.FIELDS.items():
        for field, (check, _required) in fields.items():
            options = _options_of(check)
            if options is not None:
                assert tuple(options) in lists, (rtype, field)


def _options_of(check):
    """The options a `_choice` checker (possibly inside `_opt`) closes over, else None."""
    for cell in check.__closure__ or ():
        value = cell.cell_contents
        if isinstance(value, tuple) and all(isinstance(v, str) for v in value):
            return value
        if callable(value):
            found = _options_of(value)
            if found is not None:
                return found
    return None
