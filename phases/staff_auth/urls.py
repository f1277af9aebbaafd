from django.urls import path

from phases.staff_auth import views

app_name = "staff_auth"
urlpatterns = [
    path("sign-in/hospital/", views.start, name="hospital_sign_in"),
    path("sign-in/hospital/callback/", views.callback, name="hospital_callback"),
    path("sign-out/", views.sign_out, name="sign_out"),
    path("signed-out/", views.signed_out, name="signed_out"),
    path("sign-out/hospital/", views.hospital_sign_out, name="hospital_sign_out"),
]
