from django.urls import path

from . import views
from .views.imports import filer_import_template

urlpatterns = [
    path("", views.index, name="disclosure-index"),
    path("filings/<int:pk>/", views.filing_detail, name="disclosure-filing"),
    path("filings/<int:pk>/statement/", views.statement_edit, name="disclosure-statement-edit"),
    path("filings/<int:pk>/amend/", views.statement_amend, name="disclosure-statement-amend"),
    path("filings/<int:pk>/review/", views.review_record, name="disclosure-review"),
    path("filings/<int:pk>/conflicts/", views.conflict_add, name="disclosure-conflict-add"),
    path("filings/<int:pk>/correspondence/", views.correspondence_add, name="disclosure-correspondence-add"),
    path("filings/<int:pk>/documents/", views.verification_upload, name="disclosure-verification-upload"),
    path("filings/<int:pk>/verification/", views.verification_mark, name="disclosure-verification-mark"),
    path("filings/<int:pk>/public-disclosure/", views.public_choice, name="disclosure-public-choice"),
    path("filings/<int:pk>/queries/", views.query_ask, name="disclosure-query-ask"),
    path("conflicts/<int:pk>/resolve/", views.conflict_resolve, name="disclosure-conflict-resolve"),
    path("documents/<int:pk>/", views.document_download, name="disclosure-document"),
    path("queries/", views.query_list, name="disclosure-queries"),
    path("queries/<int:pk>/answer/", views.query_answer, name="disclosure-query-answer"),
    path("cycles/", views.cycle_list, name="disclosure-cycles"),
    path("cycles/<int:year>/", views.cycle_detail, name="disclosure-cycle"),
    path("cycles/<int:year>/confirm/", views.cycle_confirm, name="disclosure-cycle-confirm"),
    path("cycles/<int:year>/import/", views.cycle_import, name="disclosure-cycle-import"),
    path("cycles/import-template.csv", filer_import_template, name="disclosure-filer-import-template"),
    path("cycles/<int:year>/assign/", views.cycle_assign, name="disclosure-cycle-assign"),
    path("cycles/<int:year>/draw/", views.cycle_draw, name="disclosure-cycle-draw"),
    path("cycles/<int:year>/close/", views.cycle_close, name="disclosure-cycle-close"),
    path("notices/send/", views.notices_send, name="disclosure-notices-send"),
    path("referrals/<int:pk>/letter/", views.referral_letter, name="disclosure-referral-letter"),
    path("designate/", views.designate, name="disclosure-designate"),
    path("compliance/", views.compliance, name="disclosure-compliance"),
    path("compliance.csv", views.compliance_csv, name="disclosure-compliance-csv"),
    path("public/", views.public_list, name="disclosure-public"),
]
