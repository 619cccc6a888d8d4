"""A certificate's PDF (its holder, the class's trainer, managers in scope), the public
verification page its QR code opens, and revocation."""

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse

from .. import permissions
from ..errors import TrainingError
from ..forms import CertificateRevokeForm, form_error
from ..models import Certificate
from ..services.certificates import certificate_pdf, certificate_revoke


def verify_url(request, certificate):
    return request.build_absolute_uri(reverse("training:verify", args=[certificate.code]))


def _certificate(code):
    return get_object_or_404(
        Certificate.objects.select_related("enrollment__training_class"), code=code.upper()
    )


def _may_read(user, certificate):
    return certificate.learner_id == user.pk or permissions.certificate_can_manage(
        user, certificate
    )


@login_required
def certificate_download(request, code):
    certificate = _certificate(code)
    if not _may_read(request.user, certificate) or certificate.holder_erased_at:
        raise Http404
    response = HttpResponse(
        certificate_pdf(certificate, verify_url(request, certificate)),
        content_type="application/pdf",
    )
    response["Content-Disposition"] = f'inline; filename="chung-nhan-{certificate.code}.pdf"'
    return response


def verify(request, code):
    """Public: name, course, date, issuing unit and whether it still holds. Nothing else."""
    certificate = Certificate.objects.filter(code=code.upper()).first()
    return TemplateResponse(
        request,
        "training/verify.html",
        {"certificate": certificate, "code": code},
        status=200 if certificate else 404,
    )


@login_required
def certificate_detail(request, code):
    certificate = _certificate(code)
    if not permissions.certificate_can_manage(request.user, certificate):
        raise Http404
    error, values = None, {}
    if request.method == "POST":
        form = CertificateRevokeForm(request.POST)
        try:
            if not form.is_valid():
                raise form_error(form)
            certificate_revoke(
                certificate=certificate, reason=form.cleaned_data["reason"], by=request.user
            )
        except TrainingError as failure:
            error, values = failure, form.data
        else:
            return redirect("training:certificate", code=certificate.code)
    return TemplateResponse(
        request,
        "training/certificate_detail.html",
        {"certificate": certificate, "error": error, "values": values},
    )
