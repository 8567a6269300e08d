"""URLs of the årsredovisning pages, included by ekonomi/urls.py (namespace "ekonomi")."""

from django.urls import path

from ekonomi.arsredovisning import views

urlpatterns = [
    path("", views.index, name="arsredovisning_index"),
    path("faststallda/", views.arkiv, name="arsredovisning_arkiv"),
    path("<ar:ar>/", views.ar_detail, name="arsredovisning_ar"),
    path("<ar:ar>/text/<slug:avsnitt>/", views.text_edit, name="arsredovisning_text"),
    path("<ar:ar>/fynd/", views.fynd_godta, name="arsredovisning_fynd"),
    path("<ar:ar>/godkann/", views.godkann, name="arsredovisning_godkann"),
    path("<ar:ar>/enhet/", views.enhet, name="arsredovisning_enhet"),
    path("<ar:ar>/visa/", views.visa, name="arsredovisning_visa"),
    path("<ar:ar>/tabeller.xlsx", views.excel, name="arsredovisning_excel"),
    path(
        "<ar:ar>/arsredovisning.pdf",
        views.godkand_pdf,
        name="arsredovisning_godkand_pdf",
    ),
]
