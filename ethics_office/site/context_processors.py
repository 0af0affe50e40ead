from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from ethics_office.base.registry import nav_for
from ethics_office.base.roles import roles_of

# The header groups the apps' navigation entries (ethics_office.base.registry) by the app that
# registered them, so a role sees a few top items with menus instead of a dozen links.
_GROUPS = {
    "advisory": pgettext_lazy("navigation", "Advice"),
    "disclosure": _("Disclosure"),
    "retaliation": _("Retaliation"),
    "outreach": _("Outreach and Panel"),
    "panel": _("Outreach and Panel"),
    "assessment": _("Risk assessment"),
}
_OFFICE = pgettext_lazy("navigation", "Office")
_OWN_GROUP = {"advisory-roadmap"}  # app entries that belong to the office group, not the app's


@dataclass
class NavGroup:
    label: str
    items: list = field(default_factory=list)  # (label, url, current)

    @property
    def current(self):
        return any(current for _label, _url, current in self.items)


def _group_label(url_name):
    if url_name in _OWN_GROUP:
        return _OFFICE
    return _GROUPS.get(url_name.split("-", 1)[0], _OFFICE)


def group_navigation(items, path):
    groups: dict[str, NavGroup] = {}
    for item in items:
        url = item.url()
        label = _group_label(item.url_name)
        group = groups.setdefault(str(label), NavGroup(label))
        group.items.append((item.label, url, path == url or (url != "/" and path.startswith(url))))
    # the office group (administration) last
    office = groups.pop(str(_OFFICE), None)
    return list(groups.values()) + ([office] if office else [])


def navigation(request):
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"nav_items": [], "nav_groups": [], "user_roles": frozenset()}
    roles = roles_of(user)
    items = nav_for(roles)
    return {"nav_items": items, "nav_groups": group_navigation(items, request.path), "user_roles": roles}
