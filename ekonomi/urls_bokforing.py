"""URLs of the bokforing pages, included by ekonomi/urls.py."""

from django.urls import path

from ekonomi.views import bokforing as views

urlpatterns = [
    path("bokforing/", views.bokforing_list, name="bokforing"),
    path(
        "bokforing/<id:bokforingsimport_id>/",
        views.bokforing_import,
        name="bokforing_import",
    ),
    path("kontoplan/<ar:ar>/", views.kontoplan, name="kontoplan"),
    path("manuella/<ar:ar>/", views.manuella, name="manuella"),
    path("manuella/<ar:ar>/mall.xlsx", views.manuella_mall, name="manuella_mall"),
    path("manuella/<ar:ar>/ladda-upp/", views.manuella_upload, name="manuella_upload"),
    path("rakenskaper/<ar:ar>/", views.rakenskaper_view, name="rakenskaper"),
    path(
        "rakenskaper/<ar:ar>/excel/", views.rakenskaper_excel, name="rakenskaper_excel"
    ),
    path("avstamning/<ar:ar>/", views.avstamning_view, name="avstamning"),
    path("avstamning/<ar:ar>/excel/", views.avstamning_excel, name="avstamning_excel"),
    path("nyckeltal/<ar:ar>/", views.nyckeltal_view, name="nyckeltal"),
    path("nyckeltal/<ar:ar>/excel/", views.nyckeltal_excel, name="nyckeltal_excel"),
]
