"""Every write to the outreach records: keyword-only, atomic, audited.

Only the office records outreach; a staff member may ask for a session for their team.
The module is split by subject; import the services from here.
"""

from .activities import (
    leadership_dialogue_record,
    mission_meeting_add,
    outreach_mission_record,
    publication_record,
    senior_briefing_read,
    senior_briefing_record,
    website_visits_record,
)
from .common import period_of
from .courses import COUNT_COLUMNS, PERSON_COLUMNS, ImportResult, course_completions_import
from .training import (
    trainer_certify,
    training_request_submit,
    training_request_transition,
    training_session_attendance_set,
    training_session_record,
)

__all__ = [
    "COUNT_COLUMNS",
    "PERSON_COLUMNS",
    "ImportResult",
    "course_completions_import",
    "leadership_dialogue_record",
    "mission_meeting_add",
    "outreach_mission_record",
    "period_of",
    "publication_record",
    "senior_briefing_record",
    "senior_briefing_read",
    "trainer_certify",
    "training_request_submit",
    "training_request_transition",
    "training_session_attendance_set",
    "training_session_record",
    "website_visits_record",
]
