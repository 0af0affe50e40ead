"""The demo organisation's people and accounts, one per role."""

from django.conf import settings
from django.contrib.auth import get_user_model

from ethics_office.base.registry import reference_data_load
from ethics_office.base.roles import Role

from .models import DutyStation, Entity, Grade, Person
from .services import focal_point_assign, role_grant

User = get_user_model()

# username, index number, name, grade, entity, duty station, roles
DEMO_USERS = [
    ("staff", "D000001", "Amina Okafor", Grade.P3, "DM", "NYC", [Role.STAFF]),
    ("staff2", "D000002", "Lars Eriksen", Grade.P4, "UNOG", "GVA", [Role.STAFF]),
    ("officer", "D000003", "Mei Chen", Grade.P4, "EO", "NYC", [Role.STAFF, Role.OFFICER]),
    ("officer2", "D000004", "Rafael Ortiz", Grade.P3, "EO", "NYC", [Role.STAFF, Role.OFFICER]),
    ("director", "D000005", "Elena Marchetti", Grade.D2, "EO", "NYC", [Role.STAFF, Role.DIRECTOR]),
    ("focalpoint", "D000006", "Priya Raman", Grade.P5, "DM", "NYC", [Role.STAFF, Role.FOCAL_POINT]),
    ("reviewer", "X000007", "Reviewer (external firm)", "", "EO", "NYC", [Role.REVIEWER]),
    ("panel", "D000008", "Kwame Mensah", Grade.D1, "UNRWA", "AMM", [Role.PANEL]),
    ("admin", "D000009", "Sofia Rossi", Grade.P4, "EO", "NYC", [Role.STAFF, Role.ADMIN]),
    # A senior official, so the voluntary public-disclosure choice can be tried.
    ("asg", "D000010", "Nadia Haddad", Grade.ASG, "DESA", "NYC", [Role.STAFF]),
]
DEMO_LOGINS = [
    ("staff", "staff member, Department of Management"),
    ("staff2", "staff member, UN Office at Geneva"),
    ("officer", "ethics officer"),
    ("officer2", "ethics officer"),
    ("director", "Director of the Ethics Office"),
    ("focalpoint", "focal point, Department of Management"),
    ("reviewer", "external reviewer"),
    ("panel", "Ethics Panel member"),
    ("admin", "administrator (Django admin superuser)"),
    ("asg", "Assistant Secretary-General, a filer who may choose public disclosure"),
]


def demo_user(username: str):
    return User.objects.get(username=username)


def seed_people() -> None:
    reference_data_load()
    for username, index, name, grade, entity_code, station_code, roles in DEMO_USERS:
        user, created = User.objects.get_or_create(
            username=username,
            defaults={"email": f"{username}@example.un.org", "first_name": name.split()[0]},
        )
        if created:
            user.set_password(settings.DEMO_PASSWORD)
        if username == "admin":
            user.is_staff = user.is_superuser = True
        user.save()
        Person.objects.update_or_create(
            index_number=index,
            defaults={
                "name": name,
                "grade": grade,
                "entity": Entity.objects.get(code=entity_code),
                "duty_station": DutyStation.objects.get(code=station_code),
                "email": user.email,
                "user": user,
            },
        )
        for role in roles:
            role_grant(actor=None, user=user, role=role)
    focal = demo_user("focalpoint")
    dm = Entity.objects.get(code="DM")
    if not focal.has_perm("organisation.focal_point_for", dm):
        focal_point_assign(actor=None, user=focal, entity=dm)
