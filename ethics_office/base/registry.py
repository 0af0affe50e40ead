"""What each app contributes to the shared pages: navigation entries and home-page panels.

Apps register in their AppConfig.ready(), so base.html and the home page need no
edits when an app arrives.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from django.urls import reverse


@dataclass(frozen=True)
class NavItem:
    label: str  # lazy-translated
    url_name: str
    roles: frozenset[str]
    order: int = 50

    def url(self) -> str:
        return reverse(self.url_name)


@dataclass
class HomePanel:
    title: str
    count: int | None = None
    url: str | None = None
    items: list[tuple[str, str]] = field(default_factory=list)  # (label, url)
    note: str = ""


_nav: list[NavItem] = []
_home: list[Callable] = []


def register_nav(label, url_name: str, roles: Iterable[str], order: int = 50) -> None:
    item = NavItem(label, url_name, frozenset(roles), order)
    if item not in _nav:
        _nav.append(item)


def register_home_panels(provider: Callable) -> None:
    """provider(user, roles) -> iterable of HomePanel."""
    if provider not in _home:
        _home.append(provider)


def nav_for(roles: frozenset[str]) -> list[NavItem]:
    return sorted((item for item in _nav if item.roles & roles), key=lambda i: (i.order, str(i.label)))


def home_panels_for(user, roles: frozenset[str]) -> list[HomePanel]:
    panels: list[HomePanel] = []
    for provider in _home:
        panels.extend(provider(user, roles) or [])
    return panels


_reference_loaders: list[Callable[[], None]] = []


def register_reference_loader(loader: Callable[[], None]) -> None:
    """loader() (re)loads an app's reference data where it is missing, e.g. after a flush."""
    if loader not in _reference_loaders:
        _reference_loaders.append(loader)


def reference_data_load() -> None:
    """Every app's reference data, in app order (an app's loader may rely on those below it)."""
    for loader in _reference_loaders:
        loader()
