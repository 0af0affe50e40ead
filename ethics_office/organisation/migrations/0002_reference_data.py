from django.db import migrations


def load(apps, schema_editor):
    from ethics_office.organisation.data import DUTY_STATIONS, ENTITIES
    from ethics_office.base.roles import Role

    Entity = apps.get_model("organisation", "Entity")
    DutyStation = apps.get_model("organisation", "DutyStation")
    Group = apps.get_model("auth", "Group")
    for code, name, name_zh, group in ENTITIES:
        Entity.objects.update_or_create(code=code, defaults={"name": name, "name_zh": name_zh, "group": group})
    for code, name, name_zh, hq in DUTY_STATIONS:
        DutyStation.objects.update_or_create(code=code, defaults={"name": name, "name_zh": name_zh, "headquarters": hq})
    for role in Role.values:
        Group.objects.get_or_create(name=role)


class Migration(migrations.Migration):
    dependencies = [("organisation", "0001_initial"), ("auth", "0012_alter_user_first_name_max_length")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
