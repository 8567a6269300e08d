"""URLs of the bokforing pages, included by ekonomi/urls.py."""

from django.urls import path

from ekonomi.views import bokforing as views

urlpatterns = [
    path("bokforing/", views.bokforing_list, name="bokforing"),
    path(
        "bokforing/<int:bokforingsimport_id>/",
        views.bokforing_import,
        name="bokforing_import",
    ),
    path("kontoplan/<int:ar>/", views.kontoplan, name="kontoplan"),
    path("manuella/<int:ar>/", views.manuella, name="manuella"),
    path("manuella/<int:ar>/mall.xlsx", views.manuella_mall, name="manuella_mall"),
    path("manuella/<int:ar>/ladda-upp/", views.manuella_upload, name="manuella_upload"),
    path("rakenskaper/<int:ar>/", views.rakenskaper_view, name="rakenskaper"),
    path(
        "rakenskaper/<int:ar>/excel/", views.rakenskaper_excel, name="rakenskaper_excel"
    ),
    path("avstamning/<int:ar>/", views.avstamning_view, name="avstamning"),
    path("nyckeltal/<int:ar>/", views.nyckeltal_view, name="nyckeltal"),
]
