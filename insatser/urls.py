from django.urls import path

from insatser import views

app_name = "insatser"

urlpatterns = [
    path("", views.index, name="index"),
]
