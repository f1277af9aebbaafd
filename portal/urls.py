from django.contrib import admin
from django.templatetags.static import static
from django.urls import include, path
from django.views.generic import RedirectView

from phases.api import api

admin.site.site_header = "ALL Phase Portal: content"
admin.site.site_title = "ALL Phase Portal admin"
admin.site.index_title = "Patient content"

urlpatterns = [
    path("", include("phases.urls")),
    path("admin/", admin.site.urls),
    path("api/v1/", api.urls),
    path("embed/", include("phases.embed_urls")),
    path("favicon.ico", RedirectView.as_view(url=static("favicon.svg"), permanent=True)),
]
