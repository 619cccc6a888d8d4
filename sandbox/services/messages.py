from __future__ import annotations

from typing import TYPE_CHECKING

from ..models import SimulatedMessage

if TYPE_CHECKING:
    from ..context import PracticeContext
    from ..models import PracticeDossier, PracticeIdentity


def message_send(
    *,
    ctx: PracticeContext,
    identity: PracticeIdentity | None,
    channel: str,
    sender: str,
    body: str,
    subject: str = "",
    dossier: PracticeDossier | None = None,
    attachment_kind: str = "",
) -> SimulatedMessage:
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
