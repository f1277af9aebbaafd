from django.urls import path

from phases import embed_views, views
from phases.embed_views import embedded

app_name = "embed"

urlpatterns = [
    path("help/", embed_views.help_page, name="help"),
    path("<slug:partner_key>/", embedded(views.home), name="home"),
    path("<slug:partner_key>/phases/<slug:slug>/", embedded(views.phase_detail), name="detail"),
    path("<slug:partner_key>/glossary/", embedded(views.glossary), name="glossary"),
    path("<slug:partner_key>/check/", embedded(views.check), name="check"),
    path("<slug:partner_key>/check/handout/", embedded(views.handout), name="handout"),
    path("<slug:partner_key>/theme.css", embed_views.theme, name="theme"),
]
