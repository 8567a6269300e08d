from django.http import HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from finsam.access import READ, roles
from finsam.http import ForbundRequest


@require_GET
@roles(*READ)
def index(request: ForbundRequest) -> HttpResponse:
    return render(request, "ekonomi/index.html")
