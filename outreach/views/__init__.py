"""Browser pages for outreach, training and education: parse, call a service or selector, render.

Split by subject; urls.py reaches every page through this package."""

from .activities import (
    briefing_create,
    briefing_detail,
    briefing_list,
    dialogue_dashboard,
    mission_create,
    mission_detail,
    mission_list,
    mission_meeting_add,
    publication_create,
    publication_list,
    visits_record,
)
from .courses import completion_import, completion_list
from .overview import overview
from .training import (
    request_create,
    request_detail,
    request_list,
    request_transition,
    session_attendance,
    session_create,
    session_detail,
    session_list,
    trainer_certify,
    trainer_list,
)

__all__ = [
    "briefing_create",
    "briefing_detail",
    "briefing_list",
    "completion_import",
    "completion_list",
    "dialogue_dashboard",
    "mission_create",
    "mission_detail",
    "mission_list",
    "mission_meeting_add",
    "overview",
    "publication_create",
    "publication_list",
    "request_create",
    "request_detail",
    "request_list",
    "request_transition",
    "session_attendance",
    "session_create",
    "session_detail",
    "session_list",
    "trainer_certify",
    "trainer_list",
    "visits_record",
]
