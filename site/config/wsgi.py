"""WSGI entry point: ``gunicorn -c site/config/gunicorn.conf.py config.wsgi``.

Without DJANGO_SETTINGS_MODULE the production settings are used; `make run` sets the
embedded ones. Public media (videos, posters, images) are served with HTTP Range by
home.public_media when they live on this machine's disk.
"""

import os
import sys
from pathlib import Path

# site/ is a source root, not a package; the repository root holds the apps.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent.parent))

from django.core.wsgi import get_wsgi_application  # noqa: E402

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.production")
application = get_wsgi_application()

from home.public_media import with_public_media  # noqa: E402

application = with_public_media(application)
