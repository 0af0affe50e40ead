from .instruments import (
    instrument_detail,
    instrument_item_add,
    instrument_list,
    instrument_revise,
    instrument_section_add,
    risk_add,
)
from .register import action_update, register_add, register_entry, register_list
from .respond import respond
from .waves import (
    assessment_close,
    assessment_create,
    assessment_detail,
    assessment_draw,
    assessment_field,
    assessment_list,
    assessment_publish,
    assessment_remind,
    free_text,
    results,
    results_export,
)

__all__ = [
    "action_update",
    "assessment_close",
    "assessment_create",
    "assessment_detail",
    "assessment_draw",
    "assessment_field",
    "assessment_list",
    "assessment_publish",
    "assessment_remind",
    "free_text",
    "instrument_detail",
    "instrument_item_add",
    "instrument_list",
    "instrument_revise",
    "instrument_section_add",
    "register_add",
    "register_entry",
    "register_list",
    "respond",
    "risk_add",
    "results",
    "results_export",
]
