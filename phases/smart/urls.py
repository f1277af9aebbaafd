from django.urls import path

from phases.smart import views

app_name = "smart"

urlpatterns = [
    path("", views.registration, name="registration"),
    path("app.json", views.app_json, name="app_json"),
    path("launch/", views.launch, name="launch"),
    path("callback/", views.callback, name="callback"),
]
