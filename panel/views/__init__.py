"""Browser pages for the Panel: parse, call a service or selector, render.

Split by subject; urls.py reaches every page through this package."""

from .consultations import (
    consultation_create,
    consultation_detail,
    consultation_list,
    consultation_share,
    consultation_transition,
)
from .meetings import (
    document_download,
    meeting_attendance,
    meeting_create,
    meeting_detail,
    meeting_document_add,
    meeting_item_add,
    meeting_item_decide,
    meeting_list,
    meeting_minutes,
)
from .offices import (
    office_create,
    office_list,
    office_rename,
    panel_name_record,
    report_create,
    report_list,
    report_review,
)

__all__ = [
    "consultation_create",
    "consultation_detail",
    "consultation_list",
    "consultation_share",
    "consultation_transition",
    "document_download",
    "meeting_attendance",
    "meeting_create",
    "meeting_detail",
    "meeting_document_add",
    "meeting_item_add",
    "meeting_item_decide",
    "meeting_list",
    "meeting_minutes",
    "office_create",
    "office_list",
    "office_rename",
    "panel_name_record",
    "report_create",
    "report_list",
    "report_review",
]
