from django.db import migrations

OFFICES = [
    (10, "Ethics Office", "道德操守办公室",
     "Confidential ethics advice (outside activities, gifts, conflicts of interest, investments, "
     "procurement ethics), the financial disclosure programme, and protection against retaliation "
     "for reporting misconduct or cooperating with an audit or investigation.",
     "保密的道德操守咨询（外部活动、礼物、利益冲突、投资、采购道德操守）、财务披露方案，"
     "以及因举报不当行为或配合审计、调查而免遭报复的保护。",
     "Ask for advice in this system, e-mail ethicsoffice@un.org, or call the helpline +1 917 367 9858.",
     "在本系统中提出咨询，发送电子邮件至 ethicsoffice@un.org，或拨打热线 +1 917 367 9858。"),
    (20, "Office of the United Nations Ombudsman and Mediation Services", "联合国监察员和调解事务办公室",
     "Informal, confidential help to resolve workplace conflicts: disputes with supervisors or "
     "colleagues, working conditions, career questions.",
     "以非正式、保密的方式帮助解决工作场所冲突：与主管或同事的纠纷、工作条件、职业问题。",
     "ombudsman.un.org; regional branches in Geneva, Nairobi, Vienna, Bangkok, Santiago, Entebbe and Goma.",
     "ombudsman.un.org；日内瓦、内罗毕、维也纳、曼谷、圣地亚哥、恩德培和戈马设有区域分部。"),
    (30, "Office of Internal Oversight Services (OIOS)", "内部监督事务厅（监督厅）",
     "Reports of misconduct: fraud, corruption, abuse of authority, sexual exploitation and abuse. "
     "Investigates retaliation cases referred by the Ethics Office.",
     "举报不当行为：欺诈、腐败、滥用职权、性剥削和性虐待。调查道德操守办公室转交的报复案件。",
     "oios.un.org (confidential online report), investigationshotline@un.org, +1 212 963 1111.",
     "oios.un.org（保密在线举报），investigationshotline@un.org，+1 212 963 1111。"),
    (40, "Office of Staff Legal Assistance", "工作人员法律援助办公室",
     "Free legal advice and representation for staff in disputes with the Organization, "
     "including appeals to the Tribunals.",
     "在与本组织的争议中（包括向法庭上诉）为工作人员提供免费法律咨询和代理。",
     "osla@un.org; offices in New York, Geneva, Nairobi, Addis Ababa and Beirut.",
     "osla@un.org；在纽约、日内瓦、内罗毕、亚的斯亚贝巴和贝鲁特设有办事处。"),
    (50, "Management Evaluation Unit", "管理评价股",
     "The first step in formally contesting an administrative decision: request a management "
     "evaluation within 60 days of being notified of the decision.",
     "正式质疑行政决定的第一步：在收到决定通知后 60 天内请求管理评价。",
     "meu@un.org; request form on iSeek.",
     "meu@un.org；请求表格见 iSeek。"),
    (60, "Office of Human Resources Management (OHRM)", "人力资源管理厅",
     "Conditions of service, entitlements, contracts, staff rules and the administration of "
     "disciplinary matters.",
     "服务条件、应享待遇、合同、工作人员细则以及纪律事项的管理。",
     "Your local human resources office, or ohrm@un.org.",
     "您所在地的人力资源办公室，或 ohrm@un.org。"),
]


def load(apps, schema_editor):
    RoadmapEntry = apps.get_model("advisory", "RoadmapEntry")
    for order, name, name_zh, handles, handles_zh, contact, contact_zh in OFFICES:
        RoadmapEntry.objects.update_or_create(
            name=name,
            defaults={"ordering": order, "name_zh": name_zh, "handles": handles, "handles_zh": handles_zh,
                      "contact": contact, "contact_zh": contact_zh},
        )


class Migration(migrations.Migration):
    dependencies = [("advisory", "0003_live_cases")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
