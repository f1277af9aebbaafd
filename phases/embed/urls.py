from django.urls import path

from phases.embed import views
from phases.embed.views import embedded
from phases.site import views as site_views

app_name = "embed"

urlpatterns = [
    path("help/", views.help_page, name="help"),
    path("<slug:partner_key>/", embedded(site_views.home), name="home"),
    path(
        "<slug:partner_key>/phases/<slug:slug>/", embedded(site_views.phase_detail), name="detail"
    ),
    path("<slug:partner_key>/glossary/", embedded(site_views.glossary), name="glossary"),
    path("<slug:partner_key>/check/", embedded(site_views.check), name="check"),
    path("<slug:partner_key>/check/handout/", embedded(site_views.handout), name="handout"),
    path("<slug:partner_key>/theme.css", views.theme, name="theme"),
]
