"""The sandbox: a clearly labelled practice copy of the online submission flow.

Its screens copy the Vietnamese portal's words on purpose (labels, statuses, error
messages), because learners must recognise them on the real portal; they are therefore
written in Vietnamese in the templates and services rather than translated through the
English-keyed catalogue that the rest of the platform's chrome uses.
"""
