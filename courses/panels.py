from wagtail.admin.panels import Panel


class RenderStatusPanel(Panel):
    """Render state and progress of the page's videos, with a preview and "render again".

    The status is rendered on the server (works without JavaScript); a small script
    refreshes it from an admin-only JSON view while renders are running.
    """

    class BoundPanel(Panel.BoundPanel):
        template_name = "courses/admin/render_status_panel.html"

        def is_shown(self):
            return bool(self.instance and self.instance.pk)

        def get_context_data(self, parent_context=None):
            from .selectors import render_status  # selectors import the page models

            context = super().get_context_data(parent_context)
            context.update(render_status(self.instance))
            context["page"] = self.instance
            return context
