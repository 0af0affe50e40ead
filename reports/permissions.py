"""Who may see the annual report and import records."""

from ethics_office.base.roles import OFFICE_ROLES, Role, has_role


def can_view_annual_report(user) -> bool:
    """Administrators and the Director (spec); everyone else gets 404 on pages, 403 on the API."""
    return has_role(user, Role.ADMIN, Role.DIRECTOR)


def can_import_records(user) -> bool:
    return has_role(user, Role.ADMIN)


def can_follow_case_links(user) -> bool:
    """Counts link to the case lists behind them only for the office, whose lists show them."""
    return has_role(user, *OFFICE_ROLES)
