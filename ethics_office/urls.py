from django.contrib import admin
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView

from ethics_office.site import api as site_api
from ethics_office.site import i18n_views, matters, reference
from ethics_office.site import views as site_views

api_patterns = [
    path("auth/token/", site_api.ObtainTokenView.as_view(), name="api-token"),
    path("auth/logout/", site_api.RevokeTokenView.as_view(), name="api-token-revoke"),
    path("me/", site_api.MeView.as_view(), name="api-me"),
    path("schema/", SpectacularAPIView.as_view(), name="api-schema"),
    path("docs/", site_api.ApiDocsView.as_view(url_name="api-schema"), name="api-docs"),
    path("organisation/", include("ethics_office.organisation.api_urls")),
    path("audit/", include("ethics_office.audit.api_urls")),
    path("outbox/", include("ethics_office.outbox.api_urls")),
]

urlpatterns = [
    path("", site_views.home, name="home"),
    path("healthz/", site_views.healthz, name="healthz"),
    path("my-matters/", matters.my_matters, name="my-matters"),
    path("reference/codes/", reference.reference_codes, name="reference-codes"),
    path("i18n/setlang/", i18n_views.set_language, name="set_language"),
    path("accounts/", include("ethics_office.site.account_urls")),
    path("audit/", include("ethics_office.audit.urls")),
    path("outbox/", include("ethics_office.outbox.urls")),
    path("access/", include("ethics_office.organisation.urls")),
    path("api/", include(api_patterns)),
    path("admin/", admin.site.urls),
]

# Each mandate app mounts its pages and API when it has them.
for app_label, prefix in [
    ("advisory", "advisory/"),
    ("disclosure", "disclosure/"),
    ("retaliation", "retaliation/"),
    ("outreach", "outreach/"),
    ("panel", "panel/"),
    ("assessment", "assessment/"),
    ("reports", "reports/"),
]:
    try:
        urlpatterns.append(path(prefix, include(f"{app_label}.urls")))
    except ModuleNotFoundError as exc:
        if exc.name != f"{app_label}.urls":
            raise
    try:
        urlpatterns.append(path(f"api/{prefix}", include(f"{app_label}.api_urls")))
    except ModuleNotFoundError as exc:
        if exc.name != f"{app_label}.api_urls":
            raise

handler404 = "ethics_office.site.views.not_found"
handler500 = "ethics_office.site.views.server_error"
