"""ASGI entry point, for servers that prefer it."""

import os
import sys
from pathlib import Path

# site/ is a source root, not a package; the repository root holds the apps.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent.parent))

from django.core.asgi import get_asgi_application  # noqa: E402

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.production")
application = get_asgi_application()
