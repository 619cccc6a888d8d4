"""State changes of the sandbox. Views, tasks and commands call these; see each module."""
