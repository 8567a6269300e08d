from django.urls import include, path

from ekonomi import views

app_name = "ekonomi"

urlpatterns = [
    path("", views.index, name="index"),
    path("", include("ekonomi.urls_budget")),
    path("", include("ekonomi.urls_bokforing")),
    path("arsredovisning/", include("ekonomi.arsredovisning.urls")),
]
