"""Browser pages: parse, call a service or selector, render."""

from .anonymous import anonymous_ask, anonymous_message, anonymous_thread
from .case import (
    assign,
    attachment_download,
    message_post,
    note_add,
    outcome,
    request_detail,
    transition,
    vendor,
)
from .office import precedent_create, precedent_detail, precedents, queue, record
from .staff import ask, my_requests, roadmap, roadmap_edit, submitted

__all__ = [
    "anonymous_ask",
    "anonymous_message",
    "anonymous_thread",
    "ask",
    "assign",
    "attachment_download",
    "message_post",
    "my_requests",
    "note_add",
    "outcome",
    "precedent_create",
    "precedent_detail",
    "precedents",
    "queue",
    "record",
    "request_detail",
    "roadmap",
    "roadmap_edit",
    "submitted",
    "transition",
    "vendor",
]
