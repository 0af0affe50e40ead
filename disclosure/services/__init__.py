"""Every write of the financial disclosure programme.

Each service takes `actor`, checks who may do it, runs in one transaction and records an
audit event. Audit events name the fields that changed, never statement content.
"""

from .conflicts import conflict_item_read, conflict_item_update
from .cycles import (
    compliance_export_record,
    cycle_close,
    cycle_open,
    filer_designate,
    filer_query_answer,
    filer_query_ask,
    filers_confirm,
    filers_import_csv,
    referral_letter_read,
)
from .notices import filer_reminders_send, monthly_notices_send
from .review import (
    conflict_item_add,
    conflict_resolution_set,
    correspondence_log,
    public_disclosure_choose,
    review_record,
    reviewers_assign,
    verification_document_read,
    verification_document_upload,
    verification_draw,
    verification_export_record,
    verification_mark,
    verification_redraw,
)
from .statements import (
    previous_statement_read,
    statement_amend,
    statement_read,
    statement_save,
    statement_start,
    statement_submit,
    statements_reencrypt,
)

__all__ = [
    "conflict_item_add",
    "conflict_item_read",
    "conflict_item_update",
    "conflict_resolution_set",
    "correspondence_log",
    "cycle_close",
    "cycle_open",
    "compliance_export_record",
    "filer_designate",
    "filer_query_answer",
    "filer_query_ask",
    "filer_reminders_send",
    "filers_confirm",
    "filers_import_csv",
    "referral_letter_read",
    "monthly_notices_send",
    "public_disclosure_choose",
    "review_record",
    "reviewers_assign",
    "verification_export_record",
    "statement_amend",
    "previous_statement_read",
    "statement_read",
    "statement_save",
    "statement_start",
    "statement_submit",
    "statements_reencrypt",
    "verification_document_upload",
    "verification_document_read",
    "verification_draw",
    "verification_mark",
    "verification_redraw",
]
