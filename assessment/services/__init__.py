"""Every write of the ethics and reputational risk assessment."""

from .instruments import instrument_create, instrument_revise, item_add, risk_upsert, section_add
from .register import register_entry_add, register_entry_update, remedial_action_add, remedial_action_update
from .responses import clean_answers, invitation_for_token, response_submit
from .waves import (
    assessment_close,
    assessment_create,
    assessment_field,
    assessment_publish,
    reminders_send,
    sample_draw,
)

__all__ = [
    "assessment_close",
    "assessment_create",
    "assessment_field",
    "assessment_publish",
    "clean_answers",
    "instrument_create",
    "instrument_revise",
    "invitation_for_token",
    "item_add",
    "register_entry_add",
    "register_entry_update",
    "remedial_action_add",
    "remedial_action_update",
    "reminders_send",
    "response_submit",
    "risk_upsert",
    "sample_draw",
    "section_add",
]
