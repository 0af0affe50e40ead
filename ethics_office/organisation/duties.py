"""Segregation of duties: nobody acts for the office on a matter that concerns themselves.

Services call `own_matter_refuse` before acting for the office on a person's matter (their
statement, their request, their complaint); the Director's own matters go to the designated
alternate (`DIRECTOR_ALTERNATE`, a username), whom `acts_as_director` lets do what the
Director would — for those matters only.
"""

from collections.abc import Iterable

from django.conf import settings
from django.contrib.auth import get_user_model
from django.utils.translation import gettext as _

from ethics_office.base.errors import OwnMatter
from ethics_office.base.roles import Role, has_role

from .models import Person


def own_matter_refuse(actor, *, people: Iterable[Person | None], what: str) -> None:
    """Raise OwnMatter if any of `people` is the actor. `what` says what was refused, translated."""
    for person in people:
        if person is not None and person.user_id is not None and person.user_id == actor.pk:
            raise OwnMatter(
                _("%(what)s: this matter concerns you, so another member of the office must handle it.")
                % {"what": what}
            )


def director_alternate():
    """The user who acts for the Director on the Director's own matters, or None."""
    username = getattr(settings, "DIRECTOR_ALTERNATE", "")
    if not username:
        return None
    return get_user_model().objects.filter(username=username, is_active=True).first()


def is_director_alternate(user) -> bool:
    username = getattr(settings, "DIRECTOR_ALTERNATE", "")
    return bool(username) and user.is_authenticated and user.get_username() == username


def concerns_a_director(people: Iterable[Person | None]) -> bool:
    return any(
        person is not None and person.user is not None and has_role(person.user, Role.DIRECTOR)
        for person in people
    )


def acts_as_director(actor, *, people: Iterable[Person | None]) -> bool:
    """The Director on others' matters; the alternate on matters that concern a Director."""
    people = list(people)
    if has_role(actor, Role.DIRECTOR):
        return not any(p is not None and p.user_id == actor.pk for p in people)
    return is_director_alternate(actor) and concerns_a_director(people)
