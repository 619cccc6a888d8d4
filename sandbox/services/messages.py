from ..models import SimulatedMessage


def message_send(
    *, ctx, identity, channel, sender, body, subject="", dossier=None, attachment_kind=""
):
    """'Send' an SMS, e-mail, Zalo or app notice: it only lands in the simulated inbox.

    No real SMS, e-mail or network call ever leaves the sandbox; this is the only place
    where the sandbox 'sends' anything.
    """
    return SimulatedMessage.objects.create(
        owner_key=identity.owner_key if identity else ctx.owner_key,
        identity=identity,
        dossier=dossier,
        channel=channel,
        sender=sender,
        subject=subject,
        body=body,
        attachment_kind=attachment_kind,
    )
