from django.db import migrations

CATEGORIES = [
    ("advice", "Advice and guidance", "咨询和指导", 10),
    ("financial_disclosure", "Financial disclosure", "财务披露", 20),
    ("retaliation", "Protection against retaliation", "防范报复", 30),
    ("training", "Training", "培训", 40),
    ("standard_setting", "Standard-setting and policy support", "制定标准和政策支持", 50),
    ("general_information", "General information", "一般信息", 60),
]


def load(apps, schema_editor):
    ServiceCategory = apps.get_model("intake", "ServiceCategory")
    for code, label, label_zh, order in CATEGORIES:
        ServiceCategory.objects.update_or_create(code=code, defaults={"label": label, "label_zh": label_zh, "ordering": order})


class Migration(migrations.Migration):
    dependencies = [("intake", "0001_initial")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
