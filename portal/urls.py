from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path

from phases import views
from phases.api import api
from phases.syndication import api_sections  # noqa: F401  (adds /sections to the API)
from phases.syndication.urls import at_the_root

admin.site.site_header = "ALL Phase Portal: content"
admin.site.site_title = "ALL Phase Portal admin"
admin.site.index_title = "Patient content"

urlpatterns = [
    path("admin/", admin.site.urls),
    path("api/v1/", api.urls),
    path("favicon.ico", views.favicon),
    *at_the_root,
]
# English at the site's own addresses, every other language under its code: /es/phases/...
urlpatterns += i18n_patterns(
    path("", include("phases.urls")),
    path("embed/", include("phases.embed_urls")),
    path("", include("phases.syndication.urls")),
    prefix_default_language=False,
)
