"""Reports on screen, as CSV and as XLSX, all drawn from the same tables."""

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.text import slugify

from .. import permissions, report_tables, reports
from ..models import AdministrativeUnit, OrganisingUnit, TrainingClass

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@login_required
def report_index(request):
    """Where the user can look: their scopes' units, or their own classes."""
    user = request.user
    if user.is_superuser:
        units = AdministrativeUnit.objects.filter(level=AdministrativeUnit.Level.PROVINCE)
    else:
        units = AdministrativeUnit.objects.filter(manager_scopes__user=user)
    classes = TrainingClass.objects.filter(trainer=user) if permissions.can_train(user) else []
    if not units and not classes:
        raise Http404
    return TemplateResponse(
        request, "training/report_index.html", {"units": units, "classes": classes}
    )


def _respond(request, report, filename):
    wanted = request.GET.get("xuat")
    if wanted == "xlsx":
        response = HttpResponse(report_tables.tables_xlsx(report["tables"]), content_type=XLSX)
        response["Content-Disposition"] = f'attachment; filename="{filename}.xlsx"'
        return response
    if wanted == "csv":
        table = next((t for t in report["tables"] if t.key == request.GET.get("bang")), None)
        if table is None:
            raise Http404
        response = HttpResponse(
            report_tables.table_csv(table), content_type="text/csv; charset=utf-8"
        )
        response["Content-Disposition"] = f'attachment; filename="{filename}-{table.key}.csv"'
        return response
    for table in report["tables"]:
        values = [row.get(table.chart) or 0 for row in table.rows]
        top = max(values, default=0) or 1
        table.screen_rows = [
            {
                "cells": cells,
                "link": row.get("link"),
                "bar": round(100 * (row.get(table.chart) or 0) / top) if table.chart else 0,
            }
            for row, cells in zip(table.rows, table.cell_rows(), strict=False)
        ]
        table.screen_total = table.cell_rows()[-1] if table.total else None
        table.chart_label = dict(table.columns).get(table.chart, "")
    return TemplateResponse(request, "training/report.html", {"report": report})


@login_required
def unit_report(request, unit_id):
    unit = get_object_or_404(AdministrativeUnit, pk=unit_id)
    if unit.level not in (AdministrativeUnit.Level.PROVINCE, AdministrativeUnit.Level.COMMUNE):
        raise Http404
    if not (request.user.is_superuser or unit.pk in permissions.managed_unit_ids(request.user)):
        raise Http404
    report = reports.unit_report(unit, now=timezone.now())
    return _respond(request, report, f"bao-cao-{slugify(unit.name) or unit.pk}")


@login_required
def organiser_report(request, organiser_id):
    organiser = get_object_or_404(OrganisingUnit.objects.select_related("unit"), pk=organiser_id)
    scope = None if request.user.is_superuser else permissions.managed_unit_ids(request.user)
    if scope is not None and organiser.unit_id not in scope:
        raise Http404
    report = reports.organiser_report(organiser, now=timezone.now(), commune_ids=scope)
    return _respond(request, report, f"bao-cao-don-vi-{organiser.pk}")


@login_required
def class_report(request, class_id):
    training_class = get_object_or_404(TrainingClass, pk=class_id)
    if not permissions.class_can_view(request.user, training_class):
        raise Http404
    report = reports.class_report(training_class, now=timezone.now())
    return _respond(request, report, f"bao-cao-lop-{training_class.pk}")
