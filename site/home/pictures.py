"""The pictures of the picture log-in: small drawings a learner who cannot type recognises
on a shared phone (after Kolibri's picture log-in).

Each is drawn here as inline SVG on a 64 × 64 grid: no image files, no fonts, so a phone
on the hall's Wi-Fi gets them with the page and a printer prints them as drawn. They
differ by shape as well as colour (a buffalo's horns, a star's points, a hat's cone), so
a colour-blind learner can tell them apart, and each is shown with its Vietnamese name.

A learner's own picture (their face in the class's list) is any of the sixteen; their
secret is three of the nine ``SEQUENCE_PICTURES``, tapped in order on a fixed 3 × 3 grid.
To add a picture, append it to ``PICTURES`` and make a migration (the choices of
``PictureCard.own_picture``); keys are stored on learners' cards, so never change or remove
one that is in use.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Picture:
    key: str
    name: str | Promise  # shown under the drawing, in the page's language
    drawing: SafeString  # SVG elements for a viewBox of 0 0 64 64

    def __str__(self) -> str:
        return str(self.name)


def _drawn(markup: str) -> SafeString:
    # The markup is written in this module, never built from anything a user sent.
    return mark_safe(markup)  # noqa: S308


OUTLINE = 'stroke="#1a1a1a" stroke-width="1.5" stroke-linejoin="round"'

PICTURES: tuple[Picture, ...] = (
    Picture(
        "trau",
        _("Buffalo"),
        _drawn(
            f'<path d="M22 21C12 21 5 15 6 5C10 12 15 15 24 16Z" fill="#efe6cc" {OUTLINE}/>'
            f'<path d="M42 21C52 21 59 15 58 5C54 12 49 15 40 16Z" fill="#efe6cc" {OUTLINE}/>'
            '<ellipse cx="14" cy="29" rx="7" ry="3.5" fill="#4b5563"/>'
            '<ellipse cx="50" cy="29" rx="7" ry="3.5" fill="#4b5563"/>'
            '<path d="M22 16H42C47 16 48 23 47 31L45 48C44 56 39 60 32 60C25 60 20 56 19 48'
            'L17 31C16 23 17 16 22 16Z" fill="#5b6472"/>'
            '<ellipse cx="32" cy="51" rx="10" ry="7" fill="#a3a9b3"/>'
            '<circle cx="28" cy="52" r="1.8" fill="#1a1a1a"/>'
            '<circle cx="36" cy="52" r="1.8" fill="#1a1a1a"/>'
            '<circle cx="25" cy="32" r="3" fill="#fff"/><circle cx="25" cy="32" r="1.5"/>'
            '<circle cx="39" cy="32" r="3" fill="#fff"/><circle cx="39" cy="32" r="1.5"/>'
        ),
    ),
    Picture(
        "lua",
        _("Rice ear"),
        _drawn(
            '<path d="M22 62C24 44 30 26 46 8" fill="none" stroke="#4d7c0f" stroke-width="3"'
            ' stroke-linecap="round"/>'
            '<path d="M20 62C12 48 10 36 14 26C18 38 20 48 22 60Z" fill="#65a30d"/>'
            + "".join(
                f'<ellipse cx="{x}" cy="{y}" rx="3.4" ry="6" transform="rotate({r} {x} {y})"'
                f' fill="#e0a800" stroke="#8a6100" stroke-width="1"/>'
                for x, y, r in (
                    (20, 44, -30),
                    (31, 42, 40),
                    (23, 34, -30),
                    (34, 32, 45),
                    (28, 25, -25),
                    (39, 23, 50),
                    (33, 17, -20),
                    (44, 15, 55),
                    (42, 8, 30),
                )
            )
        ),
    ),
    Picture(
        "sen",
        _("Lotus"),
        _drawn(
            '<path d="M32 46V62" stroke="#2f7d32" stroke-width="3"/>'
            '<ellipse cx="32" cy="55" rx="24" ry="6" fill="#2f7d32"/>'
            '<path d="M32 46C20 46 8 40 6 28C16 30 26 36 32 46Z" fill="#f4a6c8"'
            f" {OUTLINE}/>"
            '<path d="M32 46C44 46 56 40 58 28C48 30 38 36 32 46Z" fill="#f4a6c8"'
            f" {OUTLINE}/>"
            f'<path d="M32 46C22 42 16 30 18 16C26 22 31 34 32 46Z" fill="#e8609c" {OUTLINE}/>'
            f'<path d="M32 46C42 42 48 30 46 16C38 22 33 34 32 46Z" fill="#e8609c" {OUTLINE}/>'
            f'<path d="M32 46C26 38 25 22 32 8C39 22 38 38 32 46Z" fill="#d6336c" {OUTLINE}/>'
        ),
    ),
    Picture(
        "ca",
        _("Fish"),
        _drawn(
            f'<path d="M44 32L60 18V46Z" fill="#1d5fa3" {OUTLINE}/>'
            f'<ellipse cx="27" cy="32" rx="21" ry="13" fill="#2f80d1" {OUTLINE}/>'
            '<path d="M22 20C26 14 34 14 38 20Z" fill="#1d5fa3"/>'
            '<path d="M16 24C20 28 20 36 16 40" fill="none" stroke="#0b3d6e" stroke-width="2"/>'
            '<circle cx="11" cy="29" r="3.2" fill="#fff"/><circle cx="11" cy="29" r="1.6"/>'
            '<path d="M26 30Q30 26 34 30M26 37Q30 33 34 37" fill="none" stroke="#9cc8f0"'
            ' stroke-width="1.5"/>'
        ),
    ),
    Picture(
        "ga",
        _("Chicken"),
        _drawn(
            '<path d="M44 34C48 20 58 14 62 16C58 22 56 28 54 36Z" fill="#14532d"/>'
            '<path d="M46 38C54 28 62 28 62 30C58 34 56 38 52 42Z" fill="#1f2937"/>'
            f'<ellipse cx="34" cy="40" rx="17" ry="13" fill="#d9531e" {OUTLINE}/>'
            f'<circle cx="19" cy="22" r="9" fill="#d9531e" {OUTLINE}/>'
            '<circle cx="14" cy="12" r="3.5" fill="#c4161c"/>'
            '<circle cx="19" cy="11" r="4" fill="#c4161c"/>'
            '<circle cx="24" cy="13" r="3.5" fill="#c4161c"/>'
            '<path d="M11 20L3 23L11 26Z" fill="#f5b800" stroke="#1a1a1a" stroke-width="1"/>'
            '<ellipse cx="13" cy="30" rx="2.5" ry="4" fill="#c4161c"/>'
            '<circle cx="17" cy="20" r="1.8"/>'
            '<path d="M30 53V61M38 53V61M27 61H33M35 61H41" stroke="#b7791f" stroke-width="2.5"'
            ' stroke-linecap="round"/>'
        ),
    ),
    Picture(
        "nha",
        _("House"),
        _drawn(
            '<path d="M4 60H60" stroke="#3f6212" stroke-width="3"/>'
            f'<rect x="12" y="30" width="40" height="29" fill="#f3dca4" {OUTLINE}/>'
            f'<path d="M4 32L32 8L60 32Z" fill="#b5462b" {OUTLINE}/>'
            f'<rect x="28" y="40" width="11" height="19" fill="#7a4a21" {OUTLINE}/>'
            f'<rect x="16" y="37" width="8" height="8" fill="#7fb8e6" {OUTLINE}/>'
            f'<rect x="43" y="37" width="6" height="8" fill="#7fb8e6" {OUTLINE}/>'
        ),
    ),
    Picture(
        "thuyen",
        _("Boat"),
        _drawn(
            '<path d="M33 6V42" stroke="#5a3a1a" stroke-width="2.5"/>'
            f'<path d="M35 8C46 16 52 28 54 38H35Z" fill="#c2410c" {OUTLINE}/>'
            f'<path d="M31 14C24 22 18 30 14 38H31Z" fill="#ea8a3c" {OUTLINE}/>'
            f'<path d="M4 42H60L51 54H13Z" fill="#8b5a2b" {OUTLINE}/>'
            '<path d="M2 59Q8 55 14 59T26 59T38 59T50 59T62 59" fill="none" stroke="#2f80d1"'
            ' stroke-width="3"/>'
        ),
    ),
    Picture(
        "mat-trang",
        _("Moon"),
        _drawn(
            '<rect x="2" y="2" width="60" height="60" rx="10" fill="#1e2b57"/>'
            '<circle cx="28" cy="34" r="19" fill="#f7e27a"/>'
            '<circle cx="38" cy="27" r="16" fill="#1e2b57"/>'
            '<path d="M50 14L51.5 18L55.5 19L51.5 20.5L50 24.5L48.5 20.5L44.5 19L48.5 18Z"'
            ' fill="#fff"/>'
            '<circle cx="52" cy="40" r="1.8" fill="#fff"/><circle cx="44" cy="50" r="1.3"'
            ' fill="#fff"/>'
        ),
    ),
    Picture(
        "la",
        _("Leaf"),
        _drawn(
            f'<path d="M10 56C8 30 26 10 58 6C56 36 38 56 10 56Z" fill="#2e9e44" {OUTLINE}/>'
            '<path d="M4 62L12 54M12 54C26 40 38 26 52 12" fill="none" stroke="#14532d"'
            ' stroke-width="2.5" stroke-linecap="round"/>'
            '<path d="M22 44L20 30M30 36L30 22M38 28L40 16M22 44L36 44M30 36L44 36M38 28L50 27"'
            ' fill="none" stroke="#14532d" stroke-width="1.5" stroke-linecap="round"/>'
        ),
    ),
    Picture(
        "mat-troi",
        _("Sun"),
        _drawn(
            '<path d="M49 32H59M44 44L51.1 51.1M32 49V59M20 44L12.9 51.1M15 32H5M20 20'
            'L12.9 12.9M32 15V5M44 20L51.1 12.9" stroke="#ea7a00" stroke-width="4.5"'
            ' stroke-linecap="round"/>'
            f'<circle cx="32" cy="32" r="13" fill="#f5a300" {OUTLINE}/>'
        ),
    ),
    Picture(
        "dua",
        _("Coconut palm"),
        _drawn(
            '<path d="M4 61H60" stroke="#d6b56d" stroke-width="3"/>'
            '<path d="M36 61C38 48 36 34 30 22" fill="none" stroke="#8b5a2b" stroke-width="5"'
            ' stroke-linecap="round"/>'
            '<path d="M30 20C22 10 10 10 4 18C14 16 22 18 30 20Z" fill="#2e8b3e"/>'
            '<path d="M30 20C38 8 52 8 60 16C48 14 40 16 30 20Z" fill="#2e8b3e"/>'
            '<path d="M30 20C28 10 32 4 38 2C34 8 32 14 30 20Z" fill="#3fa34d"/>'
            '<path d="M30 20C20 22 12 30 10 40C18 32 24 26 30 20Z" fill="#3fa34d"/>'
            '<path d="M30 20C40 22 50 30 52 40C44 32 38 26 30 20Z" fill="#3fa34d"/>'
            '<circle cx="27" cy="24" r="3.5" fill="#6b4423"/>'
            '<circle cx="33" cy="25" r="3.5" fill="#6b4423"/>'
        ),
    ),
    Picture(
        "sao",
        _("Star"),
        _drawn(
            '<rect x="2" y="8" width="60" height="48" rx="4" fill="#da251d"/>'
            '<path d="M32 13L37 27.1L52 27.5L40.1 36.6L44.3 51L32 42.5L19.7 51L23.9 36.6'
            'L12 27.5L27 27.1Z" fill="#ffcd00"/>'
        ),
    ),
    Picture(
        "xe-dap",
        _("Bicycle"),
        _drawn(
            '<circle cx="15" cy="44" r="11" fill="none" stroke="#1a1a1a" stroke-width="3.5"/>'
            '<circle cx="49" cy="44" r="11" fill="none" stroke="#1a1a1a" stroke-width="3.5"/>'
            '<path d="M15 44L29 44L23 24M29 44L43 24H23L15 44M43 24L49 44M40 16L43 24"'
            ' fill="none" stroke="#7c3aed" stroke-width="3.5" stroke-linejoin="round"/>'
            '<path d="M18 22H28M36 16H45" stroke="#1a1a1a" stroke-width="3.5"'
            ' stroke-linecap="round"/>'
        ),
    ),
    Picture(
        "chuoi",
        _("Bananas"),
        _drawn(
            '<path d="M14 8L22 6L24 14L16 16Z" fill="#6b4423"/>'
            + "".join(
                f'<path d="{outline}" fill="#f4d03f" {OUTLINE}/>'
                for outline in (
                    "M18 14C6 32 10 52 36 58C42 59 42 54 38 53C22 48 18 34 22 14Z",
                    "M18 14C14 34 22 50 46 52C52 52 52 47 47 47C32 45 24 32 22 14Z",
                    "M18 14C22 30 34 42 56 40C61 39 60 34 55 35C40 36 28 28 22 14Z",
                )
            )
            + '<path d="M36 58L40 56M46 52L50 49M56 40L59 37" stroke="#4d7c0f"'
            ' stroke-width="3" stroke-linecap="round"/>'
        ),
    ),
    Picture(
        "non-la",
        _("Conical hat"),
        _drawn(
            f'<path d="M32 6L60 44Q32 54 4 44Z" fill="#e8cf8a" {OUTLINE}/>'
            '<path d="M25 16Q32 19 39 16M18 26Q32 31 46 26M11 36Q32 43 53 36" fill="none"'
            ' stroke="#9c7a2f" stroke-width="1.5"/>'
            '<path d="M14 47Q32 64 50 47" fill="none" stroke="#d6336c" stroke-width="3"'
            ' stroke-linecap="round"/>'
        ),
    ),
    Picture(
        "meo",
        _("Cat"),
        _drawn(
            '<path d="M12 30L10 6L26 18ZM52 30L54 6L38 18Z" fill="#262626"/>'
            '<path d="M14 12L22 19M50 12L42 19" stroke="#f9a8c4" stroke-width="2.5"/>'
            '<ellipse cx="32" cy="36" rx="22" ry="20" fill="#262626"/>'
            '<ellipse cx="23" cy="32" rx="5" ry="6" fill="#c8e03a"/>'
            '<ellipse cx="41" cy="32" rx="5" ry="6" fill="#c8e03a"/>'
            '<ellipse cx="23" cy="32" rx="1.6" ry="5" fill="#111"/>'
            '<ellipse cx="41" cy="32" rx="1.6" ry="5" fill="#111"/>'
            '<path d="M29 42H35L32 46Z" fill="#f9a8c4"/>'
            '<path d="M4 42L22 44M4 50L22 47M60 42L42 44M60 50L42 47" stroke="#d4d4d4"'
            ' stroke-width="1.5"/>'
        ),
    ),
)

BY_KEY: dict[str, Picture] = {picture.key: picture for picture in PICTURES}

# The 3 × 3 grid a learner taps their secret on, in this order on every phone and card.
SEQUENCE_PICTURES: tuple[Picture, ...] = tuple(
    BY_KEY[key] for key in ("trau", "lua", "sen", "ca", "ga", "nha", "thuyen", "mat-trang", "la")
)
SEQUENCE_LENGTH = 3

PICTURE_CHOICES: list[tuple[str, str | Promise]] = [(p.key, p.name) for p in PICTURES]
