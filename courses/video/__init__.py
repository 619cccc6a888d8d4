"""Tutorial video rendering: a pure pipeline from editor-written steps to MP4 renditions.

Nothing here imports Django. The Django side (models, Celery tasks, admin, player) builds a
`specs.TutorialSpec` from a procedure page and calls `encode.render_tutorial`, which
returns paths and metadata to store. The README's "Video tutorials" section gives the
settings behind the choices; `make bench-video` measures the speed targets.
"""
