"""Browser pages. The office's case file and the complainant's view are separate templates
from separate gates, so internal notes cannot leak into the complainant's page.

Split by subject: `cases` (lists, intake, the case page, downloads) and `actions` (one view
and one URL per action on a case); urls.py reaches every page through this package."""

from .actions import (
    action_add,
    case_assign,
    case_classify,
    case_unassign,
    clock_pause,
    clock_resume,
    corrective_implemented,
    corrective_recommend,
    determination_make,
    evidence_add,
    interim_implemented,
    interim_recommend,
    letter_generate,
    message_post,
    note_add,
    panel_review_request,
    report_receive,
    review_complete,
    sign_off,
)
from .cases import (
    evidence_download,
    inquiry_detail,
    inquiry_list,
    inquiry_record,
    inquiry_request,
    letter_download,
)
from .register import determinations_register

__all__ = [
    "action_add",
    "case_assign",
    "case_classify",
    "case_unassign",
    "clock_pause",
    "clock_resume",
    "corrective_implemented",
    "corrective_recommend",
    "determination_make",
    "evidence_add",
    "evidence_download",
    "inquiry_detail",
    "inquiry_list",
    "inquiry_record",
    "inquiry_request",
    "interim_implemented",
    "interim_recommend",
    "letter_download",
    "letter_generate",
    "note_add",
    "panel_review_request",
    "report_receive",
    "review_complete",
    "sign_off",
    "message_post",
    "determinations_register",
]
