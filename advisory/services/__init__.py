"""Every write on advice requests. Each takes `actor` and leaves an audit event."""

from .anonymous import (
    anonymous_message_post,
    anonymous_question_ask,
    anonymous_thread_open,
    receipt_normalise,
)
from .cases import (
    INTAKE_CATEGORIES,
    advice_message_post,
    advice_request_assign,
    advice_request_conclude,
    advice_request_open,
    advice_request_record,
    advice_request_submit,
    advice_request_transition,
    advice_request_vendor_set,
    attachment_open,
    internal_note_add,
)
from .library import ROADMAP_FIELDS, precedent_publish, roadmap_defaults_load, roadmap_entry_save
from .mail import officer_digests_send, reply_notice_send, requester_message_notice_send

__all__ = [
    "INTAKE_CATEGORIES",
    "ROADMAP_FIELDS",
    "advice_message_post",
    "anonymous_message_post",
    "anonymous_question_ask",
    "anonymous_thread_open",
    "advice_request_assign",
    "advice_request_conclude",
    "advice_request_open",
    "advice_request_record",
    "advice_request_submit",
    "advice_request_transition",
    "advice_request_vendor_set",
    "attachment_open",
    "internal_note_add",
    "officer_digests_send",
    "precedent_publish",
    "receipt_normalise",
    "reply_notice_send",
    "requester_message_notice_send",
    "roadmap_defaults_load",
    "roadmap_entry_save",
]
