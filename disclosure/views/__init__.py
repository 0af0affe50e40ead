"""Browser pages of the programme: parse, call a service or selector, render."""

from .compliance import compliance, compliance_csv, designate, public_list
from .filing import (
    conflict_add,
    conflict_resolve,
    correspondence_add,
    document_download,
    filing_detail,
    index,
    public_choice,
    query_ask,
    review_record,
    statement_amend,
    statement_edit,
    verification_mark,
    verification_upload,
)
from .notices import notice_list, notices_send
from .office import (
    cycle_assign,
    cycle_close,
    cycle_confirm,
    cycle_detail,
    cycle_draw,
    cycle_import,
    cycle_list,
    query_answer,
    query_list,
    referral_letter,
)
from .register import conflict_detail, conflict_register_list
from .statements import statement_version
from .verification import verification_export, verification_page, verification_redraw

__all__ = [
    "compliance",
    "compliance_csv",
    "conflict_detail",
    "conflict_register_list",
    "conflict_add",
    "conflict_resolve",
    "correspondence_add",
    "cycle_assign",
    "cycle_close",
    "cycle_confirm",
    "cycle_detail",
    "cycle_draw",
    "cycle_import",
    "cycle_list",
    "designate",
    "document_download",
    "filing_detail",
    "index",
    "notice_list",
    "notices_send",
    "public_choice",
    "public_list",
    "query_answer",
    "query_ask",
    "query_list",
    "referral_letter",
    "review_record",
    "statement_amend",
    "statement_edit",
    "statement_version",
    "verification_export",
    "verification_mark",
    "verification_page",
    "verification_redraw",
    "verification_upload",
]
