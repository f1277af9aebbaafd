from allauth.account.decorators import secure_admin_login
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path

from phases.api import sections  # noqa: F401  (adds /sections to the API)
from phases.api.content import api
from phases.site import views
from phases.staff_auth import views as staff_auth_views
from phases.syndication.urls import at_the_root

admin.site.site_header = "ALL Phase Portal: content"
admin.site.site_title = "ALL Phase Portal admin"
admin.site.index_title = "Patient content"
# The admin's sign-in is the staff sign-in page: the hospital's account first, or a password
# with a second factor (phases/staff_auth, docs/staff-sign-in.md).
admin.site.login = secure_admin_login(admin.site.login)  # type: ignore[method-assign]

urlpatterns = [
    # Signing out of the admin also offers signing out of the hospital's account.
    path("admin/logout/", staff_auth_views.sign_out),
    path("staff/", include("phases.staff_auth.urls")),
    # Staff accounts are made by an administrator; passwords are reset by one too.
    path("accounts/signup/", staff_auth_views.not_offered),
    path("accounts/password/reset/", staff_auth_views.not_offered),
    path("accounts/", include("allauth.urls")),
]

urlpatterns += [
    # Staff previews of drafts on their public pages, at the admin's addresses (phases.site).
    path("admin/phases/", include("phases.site.preview_urls")),
    path("admin/", admin.site.urls),
    path("api/v1/", api.urls),
    path("favicon.ico", views.favicon),
    # SMART on FHIR launches: fixed addresses a hospital registers (phases/smart).
    path("smart/", include("phases.smart.urls")),
    *at_the_root,
]
# English at the site's own addresses, every other language under its code: /es/phases/...
urlpatterns += i18n_patterns(
    path("", include("phases.urls")),
    path("embed/", include("phases.embed.urls")),
    path("", include("phases.syndication.urls")),
    prefix_default_language=False,
)
