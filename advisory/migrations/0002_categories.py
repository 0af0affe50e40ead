from django.db import migrations

CATEGORIES = [
    ("outside_activities", "Outside activities", "外部活动", 10,
     "Activities outside your UN duties: teaching, writing, boards, political or community work, paid or unpaid.",
     "联合国职责以外的活动：教学、写作、董事会任职、政治或社区工作，无论有无报酬。"),
    ("gifts_honours_awards", "Gifts, honours and awards", "礼物、荣誉和奖励", 20,
     "Whether you may accept a gift, hospitality, honour, decoration or award, and how to report it.",
     "能否接受礼物、招待、荣誉、勋章或奖励，以及如何报告。"),
    ("employment", "Employment-related matters", "与就业有关的事项", 30,
     "Ethical questions about recruitment, relatives in the UN system, post-employment restrictions.",
     "与招聘、在联合国系统任职的亲属、离职后限制有关的道德问题。"),
    ("conflict_of_interest", "Conflicts of interest", "利益冲突", 40,
     "Situations where a personal interest could interfere, or seem to interfere, with your official duties.",
     "个人利益可能干扰或看似干扰公务的情况。"),
    ("personal_investments", "Personal investments", "个人投资", 50,
     "Holdings, trading and investments that could relate to your official functions.",
     "可能与公务相关的持股、交易和投资。"),
    ("financial_disclosure", "Financial disclosure matters", "财务披露事项", 60,
     "Questions about the financial disclosure programme and your statement.",
     "关于财务披露方案和您的申报表的问题。"),
    ("procurement", "Procurement ethics", "采购道德操守", 70,
     "Ethics in procurement: dealings with vendors, vendor reinstatement, post-employment restrictions.",
     "采购中的道德操守：与供应商的往来、供应商恢复资格、离职后限制。"),
    ("other", "Other", "其他", 90,
     "Any other ethics question.",
     "任何其他道德操守问题。"),
]


def load(apps, schema_editor):
    AdviceCategory = apps.get_model("advisory", "AdviceCategory")
    for code, label, label_zh, order, desc, desc_zh in CATEGORIES:
        AdviceCategory.objects.update_or_create(
            code=code,
            defaults={"label": label, "label_zh": label_zh, "ordering": order, "description": desc,
                      "description_zh": desc_zh},
        )


class Migration(migrations.Migration):
    dependencies = [("advisory", "0001_initial")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
