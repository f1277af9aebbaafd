from django.contrib import admin
from django.urls import include, path

from phases import views
from phases.api import api

admin.site.site_header = "ALL Phase Portal: content"
admin.site.site_title = "ALL Phase Portal admin"
admin.site.index_title = "Patient content"

urlpatterns = [
    path("", include("phases.urls")),
    path("admin/", admin.site.urls),
    path("api/v1/", api.urls),
    path("embed/", include("phases.embed_urls")),
    path("favicon.ico", views.favicon),
]
