from django.urls import path

from insatser import views

app_name = "insatser"

urlpatterns = [
    path("", views.index, name="index"),
    path("ny/", views.insats_create, name="insats_create"),
    path("<id:insats_id>/", views.insats_detail, name="insats_detail"),
    path("<id:insats_id>/andra/", views.insats_update, name="insats_update"),
    path("<id:insats_id>/rapportorer/", views.rapportor_add, name="rapportor_add"),
    path(
        "rapportorer/<id:insatsrapportor_id>/ta-bort/",
        views.rapportor_remove,
        name="rapportor_remove",
    ),
    path("<id:insats_id>/mal/ny/", views.mal_create, name="mal_create"),
    path("mal/<id:mal_id>/andra/", views.mal_update, name="mal_update"),
    path(
        "<id:insats_id>/bemanning/ny/",
        views.bemanning_create,
        name="bemanning_create",
    ),
    path(
        "<id:insats_id>/medfinansiering/ny/",
        views.medfinansiering_create,
        name="medfinansiering_create",
    ),
    path("<id:insats_id>/rapport/ny/", views.rapport_create, name="rapport_create"),
    path("rapport/<id:periodrapport_id>/", views.rapport_detail, name="rapport_detail"),
    path(
        "rapport/<id:periodrapport_id>/andra/", views.rapport_edit, name="rapport_edit"
    ),
    path(
        "rapport/<id:periodrapport_id>/godkann/",
        views.rapport_approve,
        name="rapport_approve",
    ),
    path(
        "rapport/<id:periodrapport_id>/atersand/",
        views.rapport_return,
        name="rapport_return",
    ),
    path(
        "rapport/<id:periodrapport_id>/avvikelse/",
        views.rapport_avvikelse,
        name="rapport_avvikelse",
    ),
    path(
        "rapport/<id:periodrapport_id>/excel/",
        views.rapport_excel,
        name="rapport_excel",
    ),
    path(
        "rapport/<id:periodrapport_id>/ladda-upp/",
        views.rapport_upload,
        name="rapport_upload",
    ),
    path("struktur/", views.struktur_list, name="struktur_list"),
    path("struktur/ny/", views.struktur_create, name="struktur_create"),
    path(
        "struktur/<id:strukturaktivitet_id>/andra/",
        views.struktur_update,
        name="struktur_update",
    ),
    path("forbundsmal/ny/", views.forbundsmal_create, name="forbundsmal_create"),
    path(
        "forbundsmal/<id:forbundsmal_id>/andra/",
        views.forbundsmal_update,
        name="forbundsmal_update",
    ),
    path("kategorier/", views.kategorier, name="kategorier"),
    path("indikatorer/", views.indikatorer_index, name="indikatorer_index"),
    path("indikatorer/<ar:ar>/", views.indikatorer, name="indikatorer"),
    path(
        "indikatorer/<ar:ar>/andra/",
        views.indikatorer_edit,
        name="indikatorer_edit",
    ),
    path(
        "indikatorer/<ar:ar>/excel/",
        views.indikatorer_excel,
        name="indikatorer_excel",
    ),
    path(
        "indikatorer/<ar:ar>/ladda-upp/",
        views.indikatorer_upload,
        name="indikatorer_upload",
    ),
    path(
        "indikatorer/fraga/ny/",
        views.indikatorfraga_create,
        name="indikatorfraga_create",
    ),
    path("granska/", views.granska, name="granska"),
    path("sena/", views.sena_rapporter, name="sena_rapporter"),
    path("statistik/", views.statistik_index, name="statistik_index"),
    path("statistik/<ar:ar>/", views.statistik, name="statistik"),
    path("statistik/<ar:ar>/pdf/", views.statistik_pdf, name="statistik_pdf"),
    path("statistik/<ar:ar>/unika/", views.unika_save, name="unika_save"),
    path("statistik/<ar:ar>/excel/", views.statistik_excel, name="statistik_excel"),
    path("uppfoljning/<ar:ar>/", views.uppfoljning, name="uppfoljning"),
    path(
        "uppfoljning/<ar:ar>/excel/",
        views.uppfoljning_excel,
        name="uppfoljning_excel",
    ),
]
