"""Every write on retaliation cases: keyword-only, atomic, audited.

Audit events name the fields that changed and carry old → new values only for statuses,
outcomes and assignments, never case content. The package is split by stage of a case;
import from here.
"""

from .cases import (
    case_note_add,
    evidence_add,
    evidence_read,
    inquiry_assign,
    inquiry_classify,
    inquiry_named_people_set,
    inquiry_record,
    inquiry_request,
    inquiry_transition,
    inquiry_unassign,
    inquiry_view_record,
    letter_generate,
    letter_read,
    register_read_record,
    retaliatory_action_add,
)
from .outcome import (
    corrective_measure_implement,
    corrective_measure_recommend,
    determination_make,
    interim_measure_recommend,
    interim_measure_record_implementation,
    investigation_report_receive,
    panel_review_request,
)
from .review import (
    INVESTIGATION_DAYS,
    ReviewDecision,
    ReviewFindings,
    clock_alerts_send,
    prima_facie_sign_off,
    review_complete,
    review_letters_generate,
    review_pause,
    review_resume,
)
from .thread import case_message_post, new_request_notify

__all__ = [
    "register_read_record",
    "case_message_post",
    "new_request_notify",
    "prima_facie_sign_off",
    "INVESTIGATION_DAYS",
    "ReviewDecision",
    "ReviewFindings",
    "case_note_add",
    "clock_alerts_send",
    "corrective_measure_implement",
    "corrective_measure_recommend",
    "determination_make",
    "evidence_add",
    "evidence_read",
    "inquiry_assign",
    "inquiry_named_people_set",
    "inquiry_classify",
    "inquiry_record",
    "inquiry_request",
    "inquiry_transition",
    "inquiry_unassign",
    "inquiry_view_record",
    "interim_measure_recommend",
    "interim_measure_record_implementation",
    "investigation_report_receive",
    "letter_generate",
    "letter_read",
    "panel_review_request",
    "retaliatory_action_add",
    "review_complete",
    "review_letters_generate",
    "review_pause",
    "review_resume",
]
