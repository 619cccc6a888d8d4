from django import template

from courses.blocks import format_vnd

register = template.Library()


@register.filter
def errors_for(errors, field):
    """The errors of one field, for the message under it."""
    return [error for error in errors or [] if error.field == field]


@register.filter
def vnd(amount):
    return format_vnd(amount)


@register.filter
def get_item(mapping, key):
    return mapping.get(key) if mapping else None
