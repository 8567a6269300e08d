from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from finsam.access import READ, roles


@require_GET
@roles(*READ)
def index(request: HttpRequest) -> HttpResponse:
    return render(request, "ekonomi/index.html")
