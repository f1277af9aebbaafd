from django.urls import path
from django.views.generic import TemplateView

from phases.site import views

app_name = "phases"

urlpatterns = [
    path("", views.home, name="home"),
    path("phases/<slug:slug>/", views.phase_detail, name="detail"),
    path("glossary/", views.glossary, name="glossary"),
    path("check/", views.check, name="check"),
    path("check/handout/", views.handout, name="handout"),
    path("privacy/", TemplateView.as_view(template_name="phases/privacy.html"), name="privacy"),
]
