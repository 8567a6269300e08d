from django.urls import path

from styrelse import views

app_name = "styrelse"

urlpatterns = [
    path("", views.index, name="index"),
]
